"""Intervention plug-ins, one file each; importing this package registers them all."""

from sim.policy.interventions import (  # noqa: F401 - imported to register
    buddy,
    daily_contact,
    meeting_activities,
    meeting_places,
    occupation,
    practical_support,
    realistic_expectations,
    social_skills,
    town_wide,
    valued_role,
    video_calling,
)
