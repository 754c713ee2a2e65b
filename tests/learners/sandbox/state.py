import numpy as np

COUNTER = []


def remember(x):
    COUNTER.append(x)
    return len(COUNTER)


def f(x):
    return x**3 - 2 * x**2 + 1
