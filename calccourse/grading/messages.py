"""Learner-facing feedback templates, in English and Simplified Chinese.

Every template is a ``str.format`` pattern; :func:`say` picks the language and fills it.
Oracles may add their own entries at the end of ``TEMPLATES``.
"""

from __future__ import annotations

import math
from fractions import Fraction

from calccourse.i18n import Lang

TEMPLATES: dict[str, dict[Lang, str]] = {
    # --- the call could not be made or did not finish ---------------------------------
    "not_implemented": {
        "en": "{function} raises NotImplementedError: write it!",
        "zh": "{function} 抛出了 NotImplementedError：该你来写它了！",
    },
    "missing_function": {
        "en": "your file does not define a function named `{function}`",
        "zh": "你的文件里没有名为 `{function}` 的函数",
    },
    "defines_these": {
        "en": "it defines: {names}",
        "zh": "文件里定义的有：{names}",
    },
    "defines_nothing": {
        "en": "it defines no functions at all",
        "zh": "文件里一个函数也没有定义",
    },
    "did_you_mean": {
        "en": "did you mean to name `{name}` `{function}`?",
        "zh": "是不是想把 `{name}` 命名为 `{function}`？",
    },
    "colon": {"en": ": ", "zh": "："},
    "separator": {"en": "; ", "zh": "；"},
    "exception": {
        "en": "{called} raised {error}",
        "zh": "调用 {called} 时出错：{error}",
    },
    "timeout": {
        "en": "{called} did not finish: {error}",
        "zh": "{called} 没有按时结束：{error}",
    },
    "memory": {
        "en": "{called} ran out of memory: {error}",
        "zh": "{called} 耗尽了内存：{error}",
    },
    "load_failed": {
        "en": "{called} could not run because your file did not load: {error}",
        "zh": "你的文件没能加载，所以无法调用 {called}：{error}",
    },
    # --- something came back, but not what was expected ------------------------------
    "returned_none": {
        "en": "{called} returned None: did you forget `return`?",
        "zh": "{called} 返回了 None：是不是忘了写 `return`？",
    },
    "returned_text": {
        "en": "{called} returned the text {got}, expected a number like {expected}",
        "zh": "{called} 返回了字符串 {got}，应当返回数值，例如 {expected}",
    },
    "returned_object": {
        "en": "{called} returned {got} (a {pytype}), expected numbers like {expected}",
        "zh": "{called} 返回了 {got}（类型 {pytype}），应当返回数值，例如 {expected}",
    },
    "wrong_shape": {
        "en": "{called} returned something of shape {got}, expected shape {expected}",
        "zh": "{called} 返回值的形状是 {got}，应当是 {expected}",
    },
    "returned_ragged": {
        "en": "{called} returned {got}, whose parts have different sizes; expected shape {expected}",
        "zh": "{called} 返回了 {got}，各部分长度不一致；应当是形状为 {expected} 的数组",
    },
    "mismatch": {
        "en": "{called} returned {got}, expected {expected}",
        "zh": "{called} 返回了 {got}，正确结果是 {expected}",
    },
    "first_difference": {
        "en": "first difference at entry {entry}: {got} instead of {expected}",
        "zh": "第一个不同的元素在 {entry}：得到 {got}，应为 {expected}",
    },
    "passed": {
        "en": "{function} agrees with the answer on {count} inputs",
        "zh": "{function} 在 {count} 组输入上都与答案一致",
    },
    "passed_exactly": {
        "en": "{function} agrees with the answer on {count} inputs, and is exactly right symbolically",
        "zh": "{function} 在 {count} 组输入上都与答案一致，符号推导也完全正确",
    },
    "up_to_constant": {
        "en": "any constant C is allowed, so the change between two inputs is compared",
        "zh": "允许相差任意常数 C，所以比较的是两个输入之间的变化量",
    },
    "differs_by": {
        "en": "your {function} differs from the answer by {difference}",
        "zh": "你的 {function} 与正确答案相差 {difference}",
    },
    # --- what the mistake looks like ------------------------------------------------
    "explain_sign_flip": {
        "en": "the sign is flipped",
        "zh": "符号反了",
    },
    "explain_twice": {
        "en": "twice too large",
        "zh": "大了一倍（是正确值的 2 倍）",
    },
    "explain_half": {
        "en": "half what it should be",
        "zh": "只有正确值的一半",
    },
    "explain_factor": {
        "en": "{factor} times the right value",
        "zh": "是正确值的 {factor} 倍",
    },
    "explain_off_by_constant": {
        "en": "off by a constant ({offset})",
        "zh": "与正确值相差一个常数（{offset}）",
    },
    "explain_transposed": {
        "en": "it is the transpose of the expected matrix: rows and columns are swapped",
        "zh": "这是正确矩阵的转置：行和列对调了",
    },
    "explain_swapped_columns": {
        "en": "the columns (components) are in the wrong order",
        "zh": "列（分量）的顺序弄反了",
    },
    "explain_non_finite": {
        "en": "nan or inf where the answer is finite",
        "zh": "出现了 nan 或 inf，而正确结果是有限值",
    },
    "explain_differentiated_instead": {
        "en": "it looks like you differentiated instead",
        "zh": "看起来你求的是导数，而不是原函数",
    },
    "explain_integrated_instead": {
        "en": "it looks like you integrated instead",
        "zh": "看起来你求的是原函数（积分），而不是导数",
    },
    # --- oracles for functions that take a function (estimators.py) ----------------------
    "estimate_passed": {
        "en": "{function} estimates the derivative of {functions} functions well at {count} points",
        "zh": "{function} 对 {functions} 个函数在 {count} 个点上都给出了准确的导数估计",
    },
    "estimate_divide_by_step": {
        "en": "did you forget to divide by dx?",
        "zh": "是不是忘了除以 dx？",
    },
    "estimate_array_input": {
        "en": "here x was a numpy array: your function must also work on arrays",
        "zh": "这次传入的 x 是 numpy 数组：你的函数也要能处理数组",
    },
    "area_passed": {
        "en": "{function} accumulates the area correctly for {count} functions",
        "zh": "{function} 对 {count} 个函数都正确地累积了面积",
    },
    "area_not_a_pair": {
        "en": "{called} returned {got}, expected a pair {expected}",
        "zh": "{called} 返回了 {got}，应当返回一对值 {expected}",
    },
    "area_lengths": {
        "en": "{called} returned xs with {xs} values and areas with {areas}, expected {count} of each "
              "(xs = np.arange(start, stop, dx))",
        "zh": "{called} 返回的 xs 有 {xs} 个值、areas 有 {areas} 个值，两者都应当是 {count} 个"
              "（xs = np.arange(start, stop, dx)）",
    },
    "area_swapped": {
        "en": "{called} returned the pair in the wrong order: return (xs, areas), xs first",
        "zh": "{called} 返回的两个值顺序反了：应当返回 (xs, areas)，xs 在前",
    },
    "area_xs": {
        "en": "{called}: xs[{index}] is {got}, expected {expected} (xs should be np.arange(start, stop, dx))",
        "zh": "{called}：xs[{index}] 是 {got}，应为 {expected}（xs 应当是 np.arange(start, stop, dx)）",
    },
    "area_mismatch": {
        "en": "{called}: areas[{index}] (up to x = {x}) is {got}, expected {expected}",
        "zh": "{called}：areas[{index}]（积分到 x = {x}）是 {got}，应约为 {expected}",
    },
    "area_times_dx": {
        "en": "each strip's area is func(x)·dx: did you forget to multiply by dx?",
        "zh": "每个小条的面积是 func(x)·dx：是不是忘了乘以 dx？",
    },
    "area_start_at_zero": {
        "en": "the area from start to start is 0, so areas should begin near 0 (subtract F(start))",
        "zh": "从 start 到 start 的面积是 0，所以 areas 应当从 0 附近开始（减去 F(start)）",
    },
    "gradient_passed": {
        "en": "{function} estimates the gradient of {functions} functions well at {count} points",
        "zh": "{function} 对 {functions} 个函数在 {count} 个点上都给出了准确的梯度估计",
    },
    "gradient_divide_by_step": {
        "en": "did you forget to divide by the step?",
        "zh": "是不是忘了除以步长？",
    },
    "gradient_last_angle": {
        "en": "the direction returned is the last angle tried (about 359.9°), not the best one: "
              "is the line that keeps the best direction outside the `if`?",
        "zh": "返回的方向是最后尝试的角度（约 359.9°），而不是最好的那个："
              "记录最佳方向的那一行是不是写在了 `if` 外面？",
    },
    # --- backward_layer (backprop.py) -------------------------------------------------
    "backprop_passed": {
        "en": "{function} matches finite-difference gradients on {count} random layers",
        "zh": "{function} 在 {count} 个随机层上都与有限差分梯度一致",
    },
    "backprop_called": {
        "en": "{function}(da, z, a_prev, W, dact) for a {activation} layer (batch {batch}, {n_in} inputs, "
              "{n_out} outputs)",
        "zh": "{function}(da, z, a_prev, W, dact)，{activation} 层（批大小 {batch}，{n_in} 个输入，"
              "{n_out} 个输出）",
    },
    "backprop_not_three": {
        "en": "{called} returned {got}, expected three arrays (dW, db, da_prev)",
        "zh": "{called} 返回了 {got}，应当返回三个数组 (dW, db, da_prev)",
    },
    "backprop_which": {
        "en": "{name} (returned value {position})",
        "zh": "{name}（第 {position} 个返回值）",
    },
    "backprop_forgot_dact": {
        "en": "it matches the gradient without dact(z): multiply da by dact(z) first, dz = da * dact(z)",
        "zh": "它等于不乘 dact(z) 时的梯度：先算 dz = da * dact(z)",
    },
    "backprop_twice": {
        "en": "a derivative written 2σ(1−σ) instead of σ(1−σ) gives exactly this",
        "zh": "把导数写成 2σ(1−σ) 而不是 σ(1−σ) 正好会得到这个结果",
    },
    "backprop_batch_mean": {
        "en": "that is the batch mean: L adds up every sample, so db = dz.sum(axis=0), like dW",
        "zh": "这是批内平均值：L 对每个样本求和，所以 db = dz.sum(axis=0)，与 dW 一致",
    },
    "backprop_divided_by_batch": {
        "en": "that is the gradient divided by the batch size {batch}: L adds up every sample, "
              "so do not average here",
        "zh": "这是梯度除以批大小 {batch} 的结果：L 对每个样本求和，所以这里不要取平均",
    },
    "backprop_db_shapes": {
        "en": "({n},) or (1, {n}), the shape of b",
        "zh": "({n},) 或 (1, {n})，即 b 的形状",
    },
    "backprop_order": {
        "en": "the three gradients are right but come back in the order ({order}): return (dW, db, da_prev)",
        "zh": "三个梯度都对，但返回的顺序是 ({order})：应当按 (dW, db, da_prev) 的顺序返回",
    },
    "backprop_transposed": {
        "en": "dW has the shape of W, (inputs, outputs): dW = a_prev.T @ dz",
        "zh": "dW 的形状与 W 相同，为 (输入数, 输出数)：dW = a_prev.T @ dz",
    },
    # --- critical points and their kind (critical.py) -----------------------------------
    "critical_passed": {
        "en": "{function} finds all {count} critical points of {probes} functions, and no others",
        "zh": "{function} 找到了 {probes} 个函数的全部 {count} 个驻点，没有多余的点",
    },
    "critical_not_a_list": {
        "en": "{called} returned {got} (a {pytype}), expected a list of numbers like {expected}",
        "zh": "{called} 返回了 {got}（类型 {pytype}），应当返回一个数值列表，例如 {expected}",
    },
    "critical_missing": {
        "en": "missing: {points}",
        "zh": "漏掉了：{points}",
    },
    "critical_extra": {
        "en": "not critical points: {points}",
        "zh": "这些不是驻点：{points}",
    },
    "critical_pairs": {
        "en": "{called} returned (x, f(x)) pairs {got}, expected only the x values, like {expected}",
        "zh": "{called} 返回的是 (x, f(x)) 数对 {got}，应当只返回 x 的值，例如 {expected}",
    },
    "critical_imprecise": {
        "en": "{got} is close to {point} but {distance} away, more than the {atol} asked for: "
              "refine each root (bisection or scipy.optimize.brentq) instead of keeping a grid point",
        "zh": "{got} 接近 {point}，但相差 {distance}，超过了要求的 {atol}："
              "请把每个根求精确（二分法或 scipy.optimize.brentq），而不是直接取网格点",
    },
    "and_more": {
        "en": ", … ({count} in all)",
        "zh": "，……（共 {count} 个）",
    },
    "critical_zeros_of_f": {
        "en": "those are the zeros of f itself: look for the zeros of its derivative f′ instead",
        "zh": "这些是 f 本身的零点：应当找的是导数 f′ 的零点",
    },
    "critical_cluster": {
        "en": "{count} of the values you returned crowd around {point}: find that one root precisely "
              "and return it once",
        "zh": "你返回的值中有 {count} 个挤在 {point} 附近：请把这个根求精确，并且只返回一次",
    },
    "classification_exact_word": {
        "en": "return exactly the word {expected!r}",
        "zh": "请只返回单词 {expected!r}",
    },
    "classification_passed": {
        "en": "{function} names all {count} critical points correctly",
        "zh": "{function} 正确判断了全部 {count} 个驻点的类型",
    },
    "classification_not_text": {
        "en": "{called} returned {got} (a {pytype}), expected one of the words "
              "'minimum', 'maximum' or 'neither', here {expected}",
        "zh": "{called} 返回了 {got}（类型 {pytype}），应当返回 'minimum'、'maximum' 或 'neither' 之一，"
              "这里应为 {expected}",
    },
    # --- max-margin line and support vectors (margin.py) ---------------------------------
    "margin_passed": {
        "en": "{function} is right on {count} linearly separable point sets",
        "zh": "{function} 在 {count} 组线性可分的点集上都正确",
    },
    "margin_not_three_numbers": {
        "en": "{called} returned {got}, expected three numbers (a, b, c) like {expected}",
        "zh": "{called} 返回了 {got}，应当返回三个数 (a, b, c)，例如 {expected}",
    },
    "margin_orientation": {
        "en": "the positive class is on the negative side: multiply (a, b, c) by −1",
        "zh": "正类落在了直线的负侧：把 (a, b, c) 乘以 −1",
    },
    "margin_scaled": {
        "en": "the same line, but {explained}: scale (a, b, c) so that the smallest yᵢ(a·xᵢ + b·yᵢ + c) is 1",
        "zh": "是同一条直线，但{explained}：请缩放 (a, b, c)，使 yᵢ(a·xᵢ + b·yᵢ + c) 的最小值为 1",
    },
    "margin_wrong_side": {
        "en": "the line does not separate the classes: point {point} is on the wrong side",
        "zh": "这条直线没有把两类分开：点 {point} 在错误的一侧",
    },
    "margin_too_narrow": {
        "en": "the line separates the classes, but its margin is {width} where {best} is possible",
        "zh": "这条直线能分开两类，但间隔只有 {width}，而最大可以达到 {best}",
    },
    "margin_not_indices": {
        "en": "{called} returned {got}, expected a list of point indices like {expected}",
        "zh": "{called} 返回了 {got}，应当返回点的下标列表，例如 {expected}",
    },
    "margin_points_not_indices": {
        "en": "{called} returned points {got}, expected their indices (positions in `points`) like {expected}",
        "zh": "{called} 返回的是点的坐标 {got}，应当返回它们的下标（在 `points` 中的位置），例如 {expected}",
    },
    "margin_no_normal": {
        "en": "with a = b = 0 the equation a·x + b·y + c = 0 is not a line at all: did the optimiser fail "
              "(check result.success and the sign of your constraints, which must be ≥ 0 when satisfied)?",
        "zh": "a = b = 0 时 a·x + b·y + c = 0 根本不是一条直线：是不是优化失败了"
              "（检查 result.success，以及约束的符号：满足约束时其值应当 ≥ 0）？",
    },
    "margin_mask": {
        "en": "{called} returned {got}, a True/False mask over the points; return the indices of the True "
              "entries instead (e.g. np.flatnonzero(mask)), like {expected}",
        "zh": "{called} 返回了 {got}，这是对每个点的 True/False 掩码；应当返回取 True 的点的下标"
              "（例如 np.flatnonzero(mask)），例如 {expected}",
    },
    "margin_one_based": {
        "en": "each index is one too large: Python counts positions from 0",
        "zh": "每个下标都大了 1：Python 的下标从 0 开始",
    },
    "margin_missing": {
        "en": "on the margin but missing: {points}",
        "zh": "这些点在间隔边界上，却被漏掉了：{points}",
    },
    "margin_extra": {
        "en": "not on the margin: {points}",
        "zh": "这些点不在间隔边界上：{points}",
    },
    # --- red-team additions ---------------------------------------------------------------
    "area_rows": {
        "en": "{called} returned {count} (x, area) rows, an array of shape ({count}, 2); return the two "
              "sequences instead: `return xs, areas`",
        "zh": "{called} 返回了 {count} 行 (x, 面积)，即形状为 ({count}, 2) 的数组；应当返回两个序列："
              "`return xs, areas`",
    },
    "returned_callable": {
        "en": "{called} returned a function ({got}) instead of numbers like {expected}: return the value, "
              "not the function that computes it",
        "zh": "{called} 返回了一个函数（{got}），而不是数值（例如 {expected}）：应当返回计算结果，而不是计算它的函数",
    },
    "gradient_not_accurate": {
        "en": "close, but {error} away from the gradient (relative to its length); allowed: {allowed}. "
              "Use a smaller step, central differences, or finer angles (0.1° or less) in a direction search",
        "zh": "已经很接近，但与梯度相差 {error}（相对于梯度的长度）；允许的误差是 {allowed}。"
              "请用更小的步长、中心差分，或在方向搜索中用更细的角度（0.1° 或更小）",
    },
    "gradient_unit_vector": {
        "en": "this is a unit vector: the direction of steepest ascent is right, but the gradient is that "
              "direction times the largest rate of change",
        "zh": "这是一个单位向量：最速上升的方向是对的，但梯度应当是这个方向乘以最大的变化率",
    },
    "symbolic_differs": {
        "en": "your {function} gives the right numbers, but called with SymPy symbols it returns {got}, "
              "which differs from the answer by {difference}",
        "zh": "你的 {function} 算出的数值是对的，但用 SymPy 符号调用时返回 {got}，与正确答案相差 {difference}",
    },
    "symbolic_differs_short": {
        "en": "your {function} gives the right numbers, but called with SymPy symbols it returns {got}, "
              "which is not the answer",
        "zh": "你的 {function} 算出的数值是对的，但用 SymPy 符号调用时返回 {got}，这不是正确答案",
    },
}


def say(key: str, lang: Lang, **fields: object) -> str:
    """The template ``key`` in ``lang``, filled with ``fields``."""
    return TEMPLATES[key][lang].format(**fields)


def describe_factor(factor: float, lang: Lang) -> str:
    """'twice too large', 'half what it should be' or 'k times the right value' for a constant factor ``k``."""
    if abs(factor - 2) < 1e-6:
        return say("explain_twice", lang)
    if abs(factor - 0.5) < 1e-6:
        return say("explain_half", lang)
    return say("explain_factor", lang, factor=nice_number(factor))


def nice_number(value: float) -> str:
    """A short display of ``value``: a simple fraction when it is one, else 6 significant digits."""
    if not math.isfinite(value):
        return str(value)
    fraction = Fraction(value).limit_denominator(12)
    if fraction.denominator > 1 and abs(float(fraction) - value) <= 1e-9 * max(1.0, abs(value)):
        return f"{fraction.numerator}/{fraction.denominator}"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"
