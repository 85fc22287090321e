"""What life events do to people: grief, moves, care (assumptions, to be calibrated)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class LifeCourseParams:
    """Consequences of life events."""

    other_loss_grief: float = param(
        0.35, unit="grief (0-1) per unit closeness", lo=0, hi=1,
        source="assumption — calibrated (Stroebe et al. 2007: losing a close relative or "
               "friend hurts, less than losing a partner)",
        doc="Grief after the death of someone in the inner circle who is not one's partner "
            "(partner loss sets grief to 1).")
    kin_rally_after_loss: float = param(
        0.55, unit="closeness points", lo=0, hi=1,
        source="Ha 2008 (J. Marriage Fam.): children and relatives give more support after "
               "widowhood; size assumption — calibrated",
        doc="How much closer (and more often in contact) family ties of a widowed resident "
            "become after the loss.")
    separation_grief: float = param(
        0.5, unit="grief 0-1", lo=0, hi=1,
        source="assumption — calibrated (separation distress; Dykstra & Fokkema 2007)",
        doc="Grief-like distress of both partners at a separation.")
    low_support_widowhood_grief: float = param(
        0.5, unit="grief 0-1", lo=0, hi=1,
        source="Carr et al. 2000 (J. Gerontol. B 55:S197; CLOC, married 65+ followed after "
               "the loss): yearning after a spouse's death is lower where the marriage was "
               "conflicted, higher where it was close; value assumption: the distress of a "
               "separation (separation_grief)",
        doc="Grief at the death of a partner who gave little emotional support "
            "(convoy.low_support_share), instead of the full grief (1) of losing a close "
            "partner; also for residents widowed before the start whose partnership was "
            "such.")
    man_moves_out: float = param(
        0.6, unit="share 0-1", lo=0, hi=1,
        source="assumption: children mostly stay with their mother after a divorce (CBS)",
        doc="Chance that the man is the one who leaves the home at a separation.")
    divorce_relocate: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="assumption",
        doc="Chance that the partner who leaves also leaves the neighbourhood.")
    new_partner_closeness: float = param(
        0.6, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: people who move in together are close already",
        doc="Closeness of a new partner tie at the start.")
    partner_takes_up_care: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="assumption; CBS 2024: 19% of carers are heavily burdened, mostly partners",
        doc="Chance that the partner of a resident who becomes frail becomes a heavily "
            "burdened informal carer (mantelzorger).")
    caring_out_of_home: float = param(
        0.8, unit="share 0-1", lo=0, hi=1,
        source="assumption: heavy care leaves less time to go out",
        doc="Share of out-of-home contact a heavily burdened carer can keep.")
    keep_after_move: float = param(
        0.5, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: close people stay in touch after a move",
        doc="Ties at least this close go on at a distance when one of the two leaves town.")
    school_leavers_study: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="CBS: about half of school leavers go on to higher education [unverified]",
        doc="Share of 18-year-olds leaving school who go on to study (the rest start work).")
    divorce_friend_loss: float = param(
        0.41, unit="share 0-1", lo=0, hi=1,
        source="Kalmijn & Broese van Groenou 2005; Terhell, Broese van Groenou & Van Tilburg "
               "2004 (most divorcees lose network members at the divorce: in-laws and shared "
               "friends, half never make up for it); size assumption — calibrated",
        doc="Chance that each friendship of a divorcing partner ends with the marriage (shared "
            "friends take sides or drift away); in-law ties end anyway. Residents divorced at "
            "the start have this share fewer friends.")
