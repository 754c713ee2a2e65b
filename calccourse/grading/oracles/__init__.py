"""Oracles: one class per check ``kind``; importing this package registers them all."""

from calccourse.grading.oracles import backprop, critical, estimators, expression, margin  # noqa: F401
