"""The four quality axes every issue type belongs to, and the question each answers.

At the bottom of the layers: checks declare their axis, reports group and score by it, and
neither needs the other for that.
"""

AXES = ("accuracy", "completeness", "consistency", "representativeness")

AXIS_QUESTIONS = {
    "accuracy": "Is each example's information correct?",
    "completeness": "Is everything needed there?",
    "consistency": "Are format and labels uniform?",
    "representativeness": "Does the data stand for the world it should?",
    "overall": "Mean of the measured axes.",
}
