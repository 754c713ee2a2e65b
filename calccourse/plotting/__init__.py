"""Figures: a lesson's own figures, and plots of a learner's answer against the reference."""
