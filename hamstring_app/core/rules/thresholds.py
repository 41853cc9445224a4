"""Every number the rules engine decides with, and where it comes from.

Change a threshold here and nowhere else. Each constant carries its source, or says plainly
that it is a sensible default chosen for this app when no study gives a number.
"""

from __future__ import annotations

from hamstring_app.core.models import HARD_RPE as _HARD_RPE
from hamstring_app.core.models import SET_PAIN_THRESHOLD_DEFAULT as _SET_PAIN_THRESHOLD_DEFAULT

# --------------------------------------------------------------------------- pain bands
# Clinical convention for tendinopathy loading, pain-monitoring model
# (Silbernagel et al., AJSM 2007;35(6):897): 0-3 safe, 4-5 acceptable, above 5 too much.
PAIN_MILD_MAX = 3  # 1-3: mild, keep running with changes (source article: 0-3/10)
PAIN_HOLD_MAX = 5  # 4-5: hold, no progression
# above PAIN_HOLD_MAX: no running today

# Next-morning pain above the runner's recent baseline means "reduce the next session"
# (pain-monitoring model; the window and margin are app defaults).
BASELINE_WINDOW_DAYS = 14  # days before the check-in that form the baseline
BASELINE_MIN_VALUES = 3  # fewer next-morning answers than this: no baseline
NEXT_MORNING_RISE = 1.0  # "above baseline" = at least this many points above its mean

# A red flag answered on an earlier check-in still counts for this many days (the earlier day
# itself included; app default). An urgent one (URGENT_RED_FLAGS below) keeps the verdict at
# stop with an urgent referral; any other keeps it at hold with a routine referral. A flag
# answered on the current check-in is judged as today's.
RECENT_RED_FLAG_DAYS = 14

# Pain above 5 on this many check-ins in the last week: routine referral (app default).
PERSISTENT_HIGH_PAIN_CHECKINS = 3
PERSISTENT_HIGH_PAIN_WINDOW_DAYS = 7

# Red flags that make the referral urgent (see a professional today or within 24-48 hours).
URGENT_RED_FLAGS = (
    # possible tear: Subbu et al., AJSM 2015;43:385 (repair within about 6 weeks gives a
    # faster return)
    "sudden_onset_with_weakness",
    "bruising_after_sudden_pain",  # bruising days after a sudden pain: tear (Subbu 2015)
    "difficulty_walking",  # difficulty walking or sitting: tear (Subbu 2015)
    # nerve or spinal signs: IFOMPT framework, Finucane et al., JOSPT 2020
    "nerve_signs",
    "foot_weakness",  # nerve sign (IFOMPT, Finucane 2020)
    "night_or_rest_pain",  # pain at night or at rest that does not ease (IFOMPT, Finucane 2020)
    "feeling_unwell",  # fever, systemically unwell (IFOMPT, Finucane 2020)
)

# The urgent red flags that may mean a tear (Subbu et al., AJSM 2015;43:385): while one is not
# yet assessed, no strength exercise at all (a professional checks before any loading).
TEAR_RED_FLAGS = ("sudden_onset_with_weakness", "bruising_after_sudden_pain", "difficulty_walking")

# A check-in from yesterday still stands for today when today's is missing.
CHECKIN_CARRY_DAYS = 1

# --------------------------------------------------------------------------- pain trend
# 7-day mean pain now against the same window two weeks ago; "rising two weeks in a row"
# steps back a phase (docs/evidence.md, section 2, pain-monitoring model). Margins are app defaults.
TREND_WINDOW_DAYS = 7
TREND_MIN_CHECKINS = 3  # per 7-day window; fewer: the trend is unknown
TREND_MARGIN = 0.5  # a change smaller than this (points of pain) counts as "same"
RISING_STEP = 0.5  # each of the two weekly rises must be at least this big

# --------------------------------------------------------------------------- load
# Single-run spike: distance against the longest run in the previous 30 days.
# Frandsen et al., BJSM 2025;59(17):1203 (5,205 runners, 588,071 sessions): hazard ratio
# 1.64 for runs 10-30% longer, 1.52 for 30-100% longer, 2.28 for more than double.
SPIKE_LOOKBACK_DAYS = 30
SPIKE_CAUTION_PCT = 10.0
SPIKE_WARNING_PCT = 30.0
SPIKE_DANGER_PCT = 100.0

# Weekly increase: last 7 days against the mean of the 3 weeks before, only once the record
# covers those 3 weeks (first record at least 27 days before the day). Nielsen et al.,
# JOSPT 2014: more than 30% raised distance-related injuries (HR 1.59); a graded 10% plan
# did not prevent injuries (Buist et al., AJSM 2008;36:33).
WEEK_DAYS = 7
WEEKLY_BASELINE_WEEKS = 3
WEEKLY_INCREASE_PCT = 30.0

# Speed work added (source article; docs/evidence.md, section 4): first intensity session after
# 3+ weeks without one, or intensity sessions per week going from 0-1 to 2 or more.
SPEED_GAP_DAYS = 21
SPEED_WEEKLY_FROM_MAX = 1
SPEED_WEEKLY_TO_MIN = 2

# Back-to-back hard: session RPE >= 7 or an intensity run type on consecutive days
# (source article; the RPE cut-off is the app's reading of "hard" on the CR-10 scale).
# Defined once in core.models, where Run.is_hard uses it too.
HARD_RPE = _HARD_RPE

# Return after a break: 14+ days without running, then weekly volume near the old level.
BREAK_DAYS = 14
BREAK_OLD_LEVEL_WEEKS = 4  # the old level: mean weekly km in the 4 weeks before the break
# (known only when the record covers those 4 weeks)
BREAK_NEAR_FRACTION = 0.8  # "near the old level" = at least 80% of it (app default)
BREAK_WATCH_DAYS = 28  # the rule looks at the first 4 weeks back

# Fatigue and sleep (source article: running fatigued or under-recovered). App defaults.
FATIGUE_HIGH = 7  # fatigue 7/10 or more
SLEEP_SHORT_HOURS = 6.0  # less than 6 hours

# Session load = session RPE (CR-10) x minutes (Foster et al., JSCR 2001;15:109).
# Monotony = mean daily load / SD over 7 days; strain = weekly load x monotony.
# EWMA acute:chronic ratio, lambda = 2/(N+1) with N = 7 and 28 days (Williams et al.,
# BJSM 2017;51:209). Criticised (Lolli et al., BJSM 2019; Impellizzeri et al., Sports Med
# 2020): shown as a trend only, never the sole reason for advice.
ACWR_ACUTE_DAYS = 7
ACWR_CHRONIC_DAYS = 28
ACWR_MIN_DAYS = 28  # fewer days of history than this: no ratio
LOAD_LOOKBACK_DAYS = 28  # runs without RPE or duration in this window are reported as unknown

# --------------------------------------------------------------------------- technique
# Cadence +5-10% (source article). Heiderscheit et al., MSSE 2011;43:296: less braking and
# hip/knee energy absorption; hamstring force in late swing not lower at +10% (Lenhart et
# al., JOSPT 2014; Chumanov et al., Gait Posture 2012).
CADENCE_TARGET_LOW = 1.05
CADENCE_TARGET_HIGH = 1.10
CADENCE_RECENT_DAYS = 14
# The usual cadence, when the profile has none: the median of the runs in the 4 weeks before
# the episode's onset (at least 3), else of the first 3 runs from the onset within its first
# 4 weeks; frozen for the episode so the target cannot creep up (app defaults).
CADENCE_BASELINE_DAYS = 28
CADENCE_BASELINE_MIN_RUNS = 3
SYMPTOM_WINDOW_DAYS = 14  # "symptomatic" = any pain above 0 recorded in this window

# Long descent while symptomatic (source article: avoid long downhills early). App default.
DOWNHILL_DESCENT_M = 200.0
DOWNHILL_WINDOW_DAYS = 14

# --------------------------------------------------------------------------- strength
# Pain gate (docs/evidence.md, section 6): progress when every set is <= 3/10 and the next
# morning settled, on the last two sessions; hold at 4-5; regress above 5 or next-morning
# pain up.
STRENGTH_PROGRESS_MAX = 3
STRENGTH_HOLD_MAX = 5
# During a session, a set with pain above this (the runner may change it in Settings)
# offers the easier version or to stop the exercise: the top of the "acceptable" band.
# Defined once in core.models, for the settings and the session.
SET_PAIN_THRESHOLD_DEFAULT = _SET_PAIN_THRESHOLD_DEFAULT
STRENGTH_SESSIONS_NEEDED = 2
STRENGTH_RECENT_DAYS = 28  # exercises not done in this window get no decision
# Without a next-morning baseline, next-morning pain above the safe band counts as "up".
STRENGTH_NO_BASELINE_UP = 3

# Phases (Goom et al., JOSPT 2016;46(6):483), advanced on symptoms, not time.
PHASE_WINDOW_DAYS = 7
PHASE_MIN_CHECKINS = 5  # check-ins in the 7-day window needed to judge
PHASE2_REST_PAIN_MAX = 3  # rest pain <= 3 on every check-in of the window
PHASE_SESSION_PAIN_MAX = 3  # the last 2 sessions of a phase: every set <= 3, settled
PHASE4_PAIN_MAX = 1  # every pain answer < 2 (Vermeulen et al., BJSM 2022: pain >= 2 modifies)
PHASE_MIN_DAYS = 7  # at least this long in a phase before moving up

# --------------------------------------------------------------------------- recovery
# Expected windows in weeks. The app follows the source article by default: mid-thigh
# irritation 2-6 weeks; long-standing cases 6-12; pain high near the sit bone (proximal
# tendinopathy) the article's longer window, 6-12. Only when sit-bone pain is also
# long-standing does it use the research figure for a full tendon programme, 3-6 months
# (Goom et al., JOSPT 2016;46(6):483), as 12-26 weeks.
WINDOW_MID_THIGH = (2, 6)
WINDOW_LONG_STANDING = (6, 12)
WINDOW_HIGH_NEAR_SIT_BONE = (6, 12)
WINDOW_SIT_BONE_LONG_STANDING = (12, 26)
RECOVERED_WINDOW_DAYS = 14
RECOVERED_MIN_CHECKINS = 7

# --------------------------------------------------------------------------- triggers
TRIGGER_MIN_RUNS = 3  # runs with the feature followed by a next-morning answer
TRIGGER_MIN_OTHER_DAYS = 3  # other days with a next-morning answer
TRIGGER_MARGIN = 1.0  # mean next-morning pain at least 1 point above the other days
TRIGGER_LOOKBACK_DAYS = 365
LONG_RUN_FACTOR = 1.3  # "long" = type long, or 30% above the runner's median distance

# =========================================================================== run plan
# Today's run, the return-to-run ladder and the week ahead (core/runplan). Every number the
# plan decides with; each says where it comes from, or that it is an app default.

# Single-run guard: no run more than 10% longer than the longest run of the 30 days before
# (Frandsen et al., BJSM 2025;59(17):1203: hazard ratio 1.64 for runs 10-30% longer). The
# same 10% the spike rule starts at, so running the cap never raises load.single_run_spike.
RUN_GUARD_PCT = SPIKE_CAUTION_PCT
RUN_GUARD_LOOKBACK_DAYS = SPIKE_LOOKBACK_DAYS
# Weekly distance: the 7 days ending today stay within 30% above the mean of the 3 weeks
# before (Nielsen et al., JOSPT 2014: more than 30% raised distance-related injuries).
RUN_WEEKLY_CAP_PCT = WEEKLY_INCREASE_PCT
RUN_WEEK_FULL_KM = 0.5  # less room than this left in the week: a rest day (app default)
# Caps are rounded down to this step, so a rounded cap never passes the guard (app default).
RUN_CAP_STEP_KM = 0.1

# modify: easy only; with no run in the last 30 days to measure against, a time cap instead.
MODIFY_MAX_MINUTES_NO_HISTORY = 30  # app default
# Stop the run when pain goes above the mild band (source article: keep running with
# changes only while pain is 0-3/10 and does not change how you run).
RUN_STOP_PAIN_ABOVE = PAIN_MILD_MAX

# hold: no progression (pain-monitoring model, Silbernagel et al., AJSM 2007: at 4-5/10 keep
# the load where it is and cut speed, hills and volume). How much shorter is an app default.
HOLD_DISTANCE_FRACTION = 0.5  # at most half the longest run of the last 30 days
HOLD_MAX_MINUTES = 30

# Return-to-run ladder. Walk-run steps from short run/walk intervals to continuous easy
# running, each done twice with a rest day between, on flat ground, no move up when pain
# rose (walk-run protocols of running-injury trials, e.g. Trials 2023,
# doi 10.1186/s13063-023-07502-x). The minutes of each step are app defaults on that model.
# Each step: (minutes running, minutes walking, times through); walking 0 = continuous.
LADDER_STEPS: tuple[tuple[int, int, int], ...] = (
    (1, 1, 10),  # 20 min
    (2, 1, 7),  # 21 min
    (3, 1, 6),  # 24 min
    (5, 1, 5),  # 30 min
    (8, 1, 3),  # 27 min
    (20, 0, 1),  # 20 min continuous
    (30, 0, 1),  # 30 min continuous easy: the ladder is done after this step
)
LADDER_RUNS_PER_STEP = 2  # each step done twice (Trials 2023 protocol)
LADDER_REST_DAYS = 1  # a rest day between ladder runs (Trials 2023 protocol)
# Moving along the ladder: the pain-monitoring model (Silbernagel et al., AJSM 2007) applied
# to each run: pain during the run 0-3 and the next morning no worse than the baseline move
# on; 4-5 repeats the step; above 5, or a warning sign, goes back a step or stops.
LADDER_MOVE_UP_PAIN_MAX = PAIN_MILD_MAX
LADDER_REPEAT_PAIN_MAX = PAIN_HOLD_MAX
# "No worse than the baseline": the next-morning pain is less than NEXT_MORNING_RISE above
# the 14-day baseline; without a baseline, at most the mild band (as STRENGTH_NO_BASELINE_UP).
LADDER_NO_BASELINE_MORNING_MAX = PAIN_MILD_MAX
# What starts the ladder: a stop day, a hold lasting this long (app default, the same two
# weeks as a break), a break of BREAK_DAYS without running, or a professional's "cleared to
# run". After a pain-free break (no pain above 0 in SYMPTOM_WINDOW_DAYS) it starts higher up
# (app default: the first step with 5-minute runs): a pause without symptoms is not an injury.
LADDER_LONG_HOLD_DAYS = 14
LADDER_PAIN_FREE_BREAK_STEP = 4
LADDER_LOOKBACK_DAYS = 180  # the ladder is rebuilt from this many days back (app default)

# The week ahead (today + 6). Strength as many times as the runner's "Strength sessions a
# week" setting (default 3: the Nordic table builds to 3 sessions, Mjolsnes et al. 2004;
# maintenance 1-2), never the day before a key (hard) run and not on two days in a row
# (app default: a day to recover between sessions), so at most 4 fit in 7 days.
WEEK_PLAN_DAYS = 7
WEEK_STRENGTH_MIN = 1
WEEK_STRENGTH_MAX = 4
WEEK_STRENGTH_DEFAULT = 3  # the settings' default (core/settings.py)
# On "continue", one key (hard) run a week while the hamstring settles (the source article:
# adding speed work too quickly is a common cause; one short fast session a week at first).
WEEK_KEY_RUNS = 1
WEEK_RUNS_DEFAULT = 3  # runs a week when the record has none in the last 4 weeks (app default)
WEEK_RUNS_RANGE = (2, 5)  # runs a week the plan offers, from the last 4 weeks (app default)
WEEK_RUNS_LOOKBACK_DAYS = 28

# Cadence metronome and click track. The ramp starts 5% below the target (the source
# article's +5-10%: the low end, from the usual cadence) and reaches it over 5 minutes
# (app default). The file is 8-bit mono at 11,025 samples a second: a one-minute loop is
# about 0.66 MB, so a 5-minute ramp plus a minute at the target stays under 5 MB.
CADENCE_RAMP_PCT = 5.0
CADENCE_RAMP_MINUTES = 5
CLICK_TRACK_RATE = 11_025
CLICK_TRACK_MAX_RAMP_MINUTES = 5
