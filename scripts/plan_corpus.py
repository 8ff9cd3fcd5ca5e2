"""Seeded plan of target labels per corpus draft, so every concern gets met/partial/missing.

Writers realise the plan and then label what they actually wrote; the labels are the truth.
Run: python scripts/plan_corpus.py  (writes sample_reports/corpus/<voice>/PLAN.json)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from qa_assistant.learn.labels import ORIGINAL_12

CONCERNS = list(ORIGINAL_12)
# The six concerns added to ../shared/concerns.md later (inspectorate's second finding and the
# guidance's remaining considerations); planned for the new voices only.
LATER_CONCERNS = [
    "learning_to_actions",
    "analysis_why",
    "staffing_workload",
    "skills_knowledge",
    "partnership_services",
    "learning_shared",
]
INCIDENTS = [
    "murder_manslaughter",
    "attempted_murder",
    "rape",
    "gbh_wounding",
    "gbh_wounding",
    "terrorism",
    "child_death",
    "attempted_suicide",
    "child_rape_victim",
    "life_threatening_injury",
    "life_threatening_injury",
    "serious_impairment",
    "other",
]
VOICES = {
    "v1_numbered_template": 19,
    "v2_practitioner_prose": 19,
    "v3_initial_review_form": 19,
    "v4_full_review_chronology": 19,
    "v5_welsh_service": 19,
    "v6_reflective_child_first": 19,
    "v7_panel_minutes": 19,
}
# Second wave: layouts the first seven did not cover, each by a new writer who never saw the rule
# packs or the earlier drafts. v10 and v12 are the lockbox (see sample_reports/README.md).
NEW_VOICES = {
    "v8_la_form_tables": 24,
    "v9_joint_partnership_review": 24,
    "v10_initial_notification": 24,
    "v11_plain_text_report": 24,
    "v12_independent_reviewer": 24,
}
# Third wave (a fresh lockbox, after the second was read): layouts where owners are named as
# real partnership reviews and case systems name them, by two more writers who never saw the
# packs. Held out of all training and tuning; scored once with ``qa-assistant evaluate``.
THIRD_VOICES = {
    "v13_partnership_rapid_review": 12,
    "v14_case_system_action_tables": 12,
}
# Fourth wave (2026-12-06, after v13/v14 were opened for error analysis and moved to training):
# v15 and v16 are the new lockbox; v17 and v18 are training voices in layouts no voice had yet.
FOURTH_VOICES = {
    "v15_cspr_adolescent": 12,
    "v16_welsh_practice_learning_form": 12,
    "v17_manager_learning_summary": 14,
    "v18_health_rca_joint_review": 14,
}
# Fifth wave (2026-12-06, third session): v19 and v20 are a fresh lockbox after v15/v16 were read
# once; v21 and v22 are training voices. Layouts no earlier voice had.
FIFTH_VOICES = {
    "v19_systems_learning_review": 12,
    "v20_homicide_review_child_perpetrator": 12,
    "v21_board_briefing_slides": 14,
    "v22_qa_audit_review": 14,
}
# Sixth wave (2026-12-06, fourth session): v23 and v24 are a fresh lockbox after v19/v20 were
# read twice; v25 and v26 are training voices. Layouts no earlier voice had.
SIXTH_VOICES = {
    "v23_csppi_learning_review": 12,
    "v24_rapid_review_template": 12,
    "v25_manager_memo_email": 14,
    "v26_practitioner_conversations": 14,
}
# Seventh wave (2026-12-06, fourth session): v27 and v28 are a fresh lockbox after v23/v24 were
# read once and spent on error analysis.
SEVENTH_VOICES = {
    "v27_child_death_joint_review": 12,
    "v28_signs_of_safety_practice_review": 12,
}
VOICE_FORMATS = {"v11_plain_text_report": ["txt", "txt", "txt", "pdf"]}
QUALITY = {  # probability of met / partial / missing by overall draft quality
    "strong": (0.75, 0.18, 0.07),
    "mixed": (0.35, 0.40, 0.25),
    "weak": (0.10, 0.35, 0.55),
}
FORMATS = ["docx", "docx", "pdf", "txt"]


def draw(rng: random.Random, probs: tuple[float, float, float]) -> str:
    return rng.choices(["met", "partial", "missing"], weights=probs)[0]


def plan_draft(rng: random.Random, voice: str, n: int, concerns: list[str] = CONCERNS) -> dict:
    quality = rng.choice(["strong", "mixed", "mixed", "weak"])
    targets = {c: draw(rng, QUALITY[quality]) for c in concerns}
    targets["blame_free"] = rng.choices(["met", "partial", "missing"], weights=(0.6, 0.2, 0.2))[0]
    if targets["actions_smart"] == "missing" and rng.random() < 0.6:
        targets["multi_agency_actions"] = "missing"  # no action plan at all
        targets["review_date"] = rng.choice(["missing", "missing", "partial"])
        if "learning_to_actions" in targets:
            targets["learning_to_actions"] = "missing"
        no_plan = True
    else:
        no_plan = False
    looked_after = rng.random() < 0.4
    return {
        "id": f"{voice.split('_')[0]}_{n:03d}",
        "quality": quality,
        "format": rng.choice(VOICE_FORMATS.get(voice, FORMATS)),
        "looked_after": looked_after,
        "incident_type": rng.choice(INCIDENTS),
        "child_age": rng.randint(12, 17),
        "no_action_plan": no_plan,
        "no_standard_headings": quality == "strong" and rng.random() < 0.3,
        "targets": targets,
    }


# Each wave has its own seed, so planning a new wave leaves the earlier waves' plans as they were.
# The first wave was planned for the first 12 concerns only.
WAVES = [
    (20261123, VOICES, CONCERNS),
    (20261206, NEW_VOICES, CONCERNS + LATER_CONCERNS),
    (20261207, THIRD_VOICES, CONCERNS + LATER_CONCERNS),
    (20261208, FOURTH_VOICES, CONCERNS + LATER_CONCERNS),
    (20261209, FIFTH_VOICES, CONCERNS + LATER_CONCERNS),
    (20261210, SIXTH_VOICES, CONCERNS + LATER_CONCERNS),
    (20261211, SEVENTH_VOICES, CONCERNS + LATER_CONCERNS),
]


def main() -> None:
    root = Path(__file__).resolve().parent.parent / "sample_reports" / "corpus"
    for seed, voices, concerns in WAVES:
        rng = random.Random(seed)
        for voice, count in voices.items():
            drafts = [plan_draft(rng, voice, i + 1, concerns) for i in range(count)]
            folder = root / voice
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "PLAN.json").write_text(
                json.dumps(drafts, indent=1) + "\n", encoding="utf-8"
            )


if __name__ == "__main__":
    main()
