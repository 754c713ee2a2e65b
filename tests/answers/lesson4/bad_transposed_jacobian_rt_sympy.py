"""Lesson 4 mistake in SymPy: the Jacobian transposed (2×3), rows = inputs."""
import sympy as sp

X, Y, P, Q, R, S, T, U = sp.symbols("X Y P Q R S T U")
_F = sp.Matrix([1 / (1 + sp.exp(-(a * X + b * Y))) for a, b in ((P, Q), (R, S), (T, U))])
_J_T = _F.jacobian([X, Y]).T


def jacobian(x, y, p, q, r, s, t, u):
    return _J_T.xreplace(dict(zip((X, Y, P, Q, R, S, T, U), (x, y, p, q, r, s, t, u))))
