"""Running a lesson's own (trusted) reference code."""
