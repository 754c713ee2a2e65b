"""Lesson 3 answer: SymPy Matrix gradient via Matrix.jacobian (a 1×2 row)."""
import sympy as sp

X, Y = sp.symbols("x y")
F = X**2 + Y**2
GRAD = sp.Matrix([F]).jacobian([X, Y])


def f(x, y):
    return F.subs({X: x, Y: y})


def gradient(x, y):
    return GRAD.subs({X: x, Y: y})


def numeric_gradient(func, x, y):
    h = sp.Rational(1, 10**6)
    gx = (func(x + h, y) - func(x - h, y)) / (2 * h)
    gy = (func(x, y + h) - func(x, y - h)) / (2 * h)
    return sp.Matrix([[gx, gy]])
