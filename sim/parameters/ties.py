"""Tie closeness, endings and formation."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class TieParams:
    """How ties grow, fade, end and form."""

    decay_per_year: float = param(
        0.15, unit="share of closeness per year", lo=0, hi=1,
        source="issue #2 / Roberts & Dunbar 2011: closeness decays without in-person contact",
        doc="Closeness lost per year of weeks without in-person contact.")
    kin_decay_factor: float = param(
        0.3, unit="multiplier", lo=0, hi=1,
        source="Roberts & Dunbar 2011: kin ties resist a fall in contact far better than "
               "friendships; value assumption — calibrated",
        doc="Kin ties fade at this share of the non-kin rate.")
    distant_friend_decay_factor: float = param(
        0.5, unit="multiplier", lo=0, hi=1,
        source="Roberts & Dunbar 2015 (Hum. Nat. 26:426; 18 months across leaving school: "
               "friendships at a distance lose closeness, faster than kin, so above "
               "kin_decay_factor); Becker et al. 2009 (J. Soc. Pers. Relat. 26:347: "
               "long-distance friendships 'flexible, not fragile', kept up by phone and visits); "
               "Mok, Wellman & Carrasco 2010 (Urban Stud. 47:2747: phone and e-mail contact "
               "with strong ties barely falls with distance); Roy et al. 2022 (Sci. Rep. "
               "12:20160: 1-4 % of the closest alters change a year); value assumption — "
               "calibrated: with 0.5 the inner-circle friends at 25-44 stay at 0.33-0.34 over "
               "ten years (1.0: 0.34 -> 0.15; 0.4: 0.39; docs/CALIBRATION.md)",
        doc="Friendships with someone elsewhere (a friend who moved away, a newcomer's old "
            "friends) fade at this share of the non-kin rate in weeks without meaningful "
            "contact: a friendship kept at a distance is kept up remotely and visited now and "
            "then, not lapsed like an acquaintance whose focus ended.")
    friend_at: float = param(
        0.5, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: friendships grow out of foci (Feld 1981)",
        doc="A neighbour, colleague or club tie this close becomes a friendship, which "
            "outlasts the focus.")
    growth_per_year: float = param(
        1.0, unit="share of (potential - closeness) per year", lo=0, hi=10,
        source="assumption — calibrated: a tie seen weekly nears its potential within ~2 years",
        doc="Closeness gained per year of weeks with in-person contact.")
    end_below: float = param(
        0.08, unit="closeness 0-1", lo=0, hi=1,
        source="assumption — calibrated (Mollenhorst 2014: half of non-kin ties replaced in 7 y)",
        doc="A non-kin tie whose closeness falls below this ends.")
    kin_floor: float = param(
        0.15, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: kin ties are latent but never end",
        doc="Closeness below which a kin tie does not fall.")
    new_ties_per_year: tuple = param(
        (0.6, 1.1, 0.65), unit="new ties per year in (neighbourhood, work/school, club)",
        lo=0, hi=50,
        source="assumption — calibrated with acquaintance_end_per_year so that the focus "
               "ties by age keep their starting numbers (Mollenhorst et al. 2014: about half "
               "of non-kin ties are replaced within 7 years)",
        doc="Rate of forming a new tie in each focus a resident takes part in.")
    class_new_ties_per_year: float = param(
        1.1, unit="new ties per year in a school class", lo=0, hi=50,
        source="assumption: the work/school rate of new_ties_per_year. With it 12-17 keep "
               "their starting friends over ten years (5.2 -> 5.7, seed 1), children born in "
               "the run reach fewer at 6-11 (4.5 -> 2.4; 2.5 a year gives 6-11 3.2 but 12-17 "
               "7.5: children's friendships do not turn over in the model; docs/"
               "CALIBRATION.md); most children's friends are classmates (Knecht et al. 2011, "
               "Dutch classrooms)",
        doc="Rate of forming a new tie with a classmate, for pupils (instead of the "
            "work/school rate of new_ties_per_year); classmates' potential closeness is "
            "that of friends.")
    update_weeks: int = param(
        13, unit="weeks", lo=1, hi=26,
        source="model design: tie closeness is updated in blocks of this many weeks",
        doc="Weeks between tie maintenance passes (closeness, endings, rates).")
    max_ties: int = param(
        60, unit="ties", lo=10, hi=250,
        source="Dunbar 1993: ~150 meaningful relations; the convoy studied here is smaller",
        doc="Most ties one resident can hold (slots per resident).")
    prune_from: float = param(
        80.0, unit="years", lo=18, hi=110,
        source="Lang & Carstensen 1994 (Berlin Aging Study, 70-104: the oldest have fewer "
               "peripheral partners but as many very close ones); onset assumption",
        doc="Age from which residents let peripheral ties go.")
    prune_per_decade: float = param(
        0.9, unit="per year, per decade of age past prune_from", lo=0, hi=2,
        source="Lang & Carstensen 1994; Van Tilburg 1998 (LASA: network loss in old age is "
               "mostly of non-kin and of kin other than children); size assumption — calibrated",
        doc="Yearly chance that a peripheral tie ends (not in the inner circle, not a partner, "
            "household member, child or grandchild), growing with age.")
    frail_outing_loss: float = param(
        0.22, unit="per year", lo=0, hi=5,
        source="Aartsen et al. 2004 (J. Soc. Pers. Relat.: physical decline shrinks the non-kin "
               "network, kin stay); size assumption — calibrated",
        doc="Yearly chance that a tie resting on going out (a non-kin tie outside the inner "
            "circle: club, activity, colleague, neighbour, casual friend) of a frail or "
            "care-home resident ends; kin and close friends come to them.")
    acquaintance_end_per_year: float = param(
        0.2, unit="per year", lo=0, hi=2,
        source="Mollenhorst, Volker & Flap 2014 (about half of a network's non-kin ties are "
               "replaced within 7 years, mostly the weaker ones); size assumption — "
               "calibrated with new_ties_per_year against the convoy sizes by age and the "
               "network 85+ / 70-84 target (0.25 left 70-84 networks too small: 0.66-0.67)",
        doc="Yearly chance that an acquaintance (neighbour, colleague or club tie outside the "
            "inner circle, not a friend) ends while the two still share the focus.")
    lapsed_end_per_year: float = param(
        0.3, unit="per year", lo=0, hi=5,
        source="Van Tilburg 2003; Mollenhorst et al. 2014: ties that rest on a shared context "
               "are lost when the context is left (moving, retiring); size assumption — "
               "calibrated",
        doc="Extra yearly chance that an acquaintance ends once its focus has lapsed.")
    friend_replacement: float = param(
        1.0, unit="share 0-1", lo=0, hi=1,
        source="Van Tilburg 1998 (LASA, 55-89: networks lose members but gain new ones; "
               "network size of the 65+ about stable on average, non-kin replaced); Cornwell "
               "& Laumann 2015 (NSHAP, 57-85: 82 % added a confidant within ~5 years, "
               "59 % several); Cornwell 2015 (additions match confidant losses, less so for "
               "the disadvantaged); Zettel & Rook 2004 (substitution after losses); value "
               "assumption: every such loss is sought to be replaced, success limited by "
               "going out (frailty, withdrawal); with replace_per_year 1 the friends per "
               "resident at 75-84 stay at 2.3-2.5 over twenty years, start 2.5 (0.9 / 0.5: "
               "2.1 after ten years; docs/CALIBRATION.md)",
        doc="Share of the friendships an adult without a workplace or school loses against "
            "their will (the friend died, moved away or became homebound, or left with a "
            "divorce) that they set out to replace with a new friendship. Ties let go "
            "through pruning with age (selection, Lang & Carstensen 1994) are not replaced; "
            "those at work or school make new friends there (colleague ties).")
    replace_per_year: float = param(
        1.0, unit="per year", lo=0, hi=10,
        source="assumption: a new friendship takes a year or more to find (German Ageing "
               "Survey, J. Fam. Issues 2021, doi 10.1177/0192513X20988068: after widowhood "
               "the network grows for about four years)",
        doc="Yearly chance that a resident with a friendship to replace, able to go out fully, "
            "forms a new one (times world.going_out and 1 + sociability: the homebound and "
            "withdrawn replace fewer).")
