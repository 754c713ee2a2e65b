"""Lesson 7 answer with SymPy: for each candidate set of support vectors the KKT conditions are a
linear system, solved exactly with linsolve; returns SymPy Rationals, e.g. (2/3, 2/3, −1)."""
import itertools

import sympy as sp


def _candidates(points, labels):
    a, b, c = sp.symbols("a b c", real=True)
    pts = [(sp.nsimplify(x), sp.nsimplify(y)) for x, y in points]
    ts = [int(t) for t in labels]
    for size in (2, 3):
        for chosen in itertools.combinations(range(len(pts)), size):
            lams = sp.symbols(f"l0:{size}", real=True)
            equations = [
                2 * a - sum(l * ts[i] * pts[i][0] for l, i in zip(lams, chosen)),
                2 * b - sum(l * ts[i] * pts[i][1] for l, i in zip(lams, chosen)),
                sum(l * ts[i] for l, i in zip(lams, chosen)),
            ] + [ts[i] * (a * pts[i][0] + b * pts[i][1] + c) - 1 for i in chosen]
            for solution in sp.linsolve(equations, [a, b, c, *lams]):
                if any(value.free_symbols for value in solution) or any(value < 0 for value in solution[3:]):
                    continue
                line = solution[:3]
                if all(t * (line[0] * x + line[1] * y + line[2]) >= 1 for (x, y), t in zip(pts, ts)):
                    yield line


def max_margin_line(points, labels):
    return min(_candidates(points, labels), key=lambda line: line[0] ** 2 + line[1] ** 2)


def support_vectors(points, labels):
    a, b, c = max_margin_line(points, labels)
    return [i for i, ((x, y), t) in enumerate(zip(points, labels))
            if t * (a * sp.nsimplify(x) + b * sp.nsimplify(y) + c) == 1]
