"""Lesson 1 answer: exact rational arithmetic with fractions.Fraction (returns Fractions)."""
from fractions import Fraction


def f(x):
    x = Fraction(x)
    return x**3 - 2 * x**2 + 1


def df(x):
    x = Fraction(x)
    return 3 * x**2 - 4 * x


def rate_of_change(func, x, dx):
    return (func(x + dx) - func(x)) / dx
