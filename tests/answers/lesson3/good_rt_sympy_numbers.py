"""Lesson 3 answer: returns SymPy Float numbers (sp.Float) and a tuple of them."""
import sympy as sp


def f(x, y):
    return sp.Float(x) ** 2 + sp.Float(y) ** 2


def gradient(x, y):
    return sp.Float(2) * x, sp.Float(2) * y


def numeric_gradient(func, x, y):
    h = 1e-6
    return sp.Float((func(x + h, y) - func(x - h, y)) / (2 * h)), sp.Float((func(x, y + h) - func(x, y - h)) / (2 * h))
