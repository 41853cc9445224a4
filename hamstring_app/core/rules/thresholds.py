"""Every number the rules engine decides with, and where it comes from.

Change a threshold here and nowhere else. Each constant carries its source, or says plainly
that it is a sensible default chosen for this app when no study gives a number.
"""

from __future__ import annotations

from hamstring_app.core.models import HARD_RPE as _HARD_RPE

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

# Red flags that make the referral urgent: possible tear (Subbu et al., AJSM 2015;43:385:
# repair within about 6 weeks gives a faster return) and nerve or spinal signs
# (IFOMPT framework, Finucane et al., JOSPT 2020).
URGENT_RED_FLAGS = ("sudden_onset_with_weakness", "nerve_signs")

# A check-in from yesterday still stands for today when today's is missing.
CHECKIN_CARRY_DAYS = 1

# --------------------------------------------------------------------------- pain trend
# 7-day mean pain now against the same window two weeks ago; "rising two weeks in a row"
# steps back a phase (DOMAIN.md section 2, pain-monitoring model). Margins are app defaults.
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

# Speed work added (source article; DOMAIN.md section 4): first intensity session after
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
# the episode's onset, else of the first 4 weeks of runs from the onset; frozen for the
# episode so the target cannot creep up (app defaults).
CADENCE_BASELINE_DAYS = 28
CADENCE_BASELINE_MIN_RUNS = 3
SYMPTOM_WINDOW_DAYS = 14  # "symptomatic" = any pain above 0 recorded in this window

# Long descent while symptomatic (source article: avoid long downhills early). App default.
DOWNHILL_DESCENT_M = 200.0
DOWNHILL_WINDOW_DAYS = 14

# --------------------------------------------------------------------------- strength
# Pain gate (DOMAIN.md section 6): progress when every set is <= 3/10 and the next morning
# settled, on the last two sessions; hold at 4-5; regress above 5 or next-morning pain up.
STRENGTH_PROGRESS_MAX = 3
STRENGTH_HOLD_MAX = 5
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
