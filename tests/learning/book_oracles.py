"""The book's chapter 4 loops transcribed as plain Python, as oracles for whole trajectories.

These follow the notebooks' code line by line (including `** 2`), so that the engine's records can be
compared with what the book's cells print, iteration by iteration.
"""


def hot_cold(weight=0.5, input=0.5, goal_prediction=0.8, step_amount=0.001, iterations=1101):
    lines = []
    for _ in range(iterations):
        prediction = input * weight
        error = (prediction - goal_prediction) ** 2
        lines.append((error, prediction))
        up_prediction = input * (weight + step_amount)
        up_error = (goal_prediction - up_prediction) ** 2
        down_prediction = input * (weight - step_amount)
        down_error = (goal_prediction - down_prediction) ** 2
        if down_error < up_error:
            weight = weight - step_amount
        if down_error > up_error:
            weight = weight + step_amount
    return lines


def direction_and_amount(weight, input, goal_pred, iterations):
    """ch04.gradient-descent: weight = weight - (pred - goal_pred) * input."""
    lines = []
    for _ in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        direction_and_amount = (pred - goal_pred) * input
        weight = weight - direction_and_amount
        lines.append((error, pred))
    return lines


def with_alpha(weight, input, goal_pred, alpha, iterations):
    """ch04.alpha (and the no-alpha runs with alpha = 1): derivative first, then alpha times it."""
    lines = []
    for _ in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        derivative = input * (pred - goal_pred)
        weight = weight - (alpha * derivative)
        lines.append((error, pred))
    return lines


def watch_steps(weight=0.0, input=1.1, goal_pred=0.8, iterations=4):
    """ch04.watch-steps, verbose form: (weight, error, pred, delta, weight_delta) before each update."""
    rows = []
    for _ in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        delta = pred - goal_pred
        weight_delta = delta * input
        rows.append((weight, error, pred, delta, weight_delta))
        weight = weight - weight_delta
    return rows
