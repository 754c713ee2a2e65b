"""Lesson 1 answer: generic polynomial helpers specialised with functools.partial."""
from functools import partial


def polynomial(x, coefficients):
    """Horner's rule; coefficients from the highest power down."""
    total = 0
    for c in coefficients:
        total = total * x + c
    return total


def derivative_coefficients(coefficients):
    n = len(coefficients) - 1
    return [c * (n - i) for i, c in enumerate(coefficients[:-1])]


def difference_quotient(func, x, dx, kind="central"):
    if kind == "forward":
        return (func(x + dx) - func(x)) / dx
    return (func(x + dx) - func(x - dx)) / (2 * dx)


COEFFICIENTS = [1, -2, 0, 1]
f = partial(polynomial, coefficients=COEFFICIENTS)
df = partial(polynomial, coefficients=derivative_coefficients(COEFFICIENTS))
rate_of_change = partial(difference_quotient, kind="forward")
