"""Grading a learner's exercise: isolation, oracles, diagnoses and the result model."""
