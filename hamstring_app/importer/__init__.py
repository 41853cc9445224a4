"""Reading runs out of watch files and exports: FIT, GPX, TCX, Strava and Garmin zips."""
