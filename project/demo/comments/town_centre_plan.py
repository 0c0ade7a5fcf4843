"""Town centre plan: homes above shops, the Saturday market square, Station Road and the buses.

The consultation is pre-moderated, so a dozen recent comments wait in the moderators' queue; two of
them break the house rules (an advert, and a named person accused of a crime)."""

from . import Subject, ask, hmm, no, team, yes

SUBJECTS = {
    "Homes above shops on the High Street": Subject(
        keywords=("above", "upper floor", "flat", "homes", "live"),
        turnout=0.5,
        support=0.7,
        comments=(
            yes(
                "Homes above the shops would bring life back to the High Street in the evenings. At the "
                "moment it's dead after 5pm.",
                yes(
                    "Agreed. People living above the shops means eyes on the street and customers for "
                    "the cafés."
                ),
            ),
            yes(
                "My grandparents lived above their shop on the High Street for forty years. It's how "
                "town centres used to work and it should again."
            ),
            no(
                "Where will 200 new households park? There's barely enough parking on the High Street "
                "for shoppers as it is, never mind for people living above the shops.",
                hmm(
                    "Most people in flats above the shops would be a few minutes from the buses and the "
                    "station. Not everyone who lives in the town centre needs a car."
                ),
            ),
            ask(
                "Will the flats above the shops be affordable, or let at whatever the owners can get?",
                team(
                    "Owners who take a grant would agree to let at least half of the new homes above "
                    "their shops at an affordable rent for ten years."
                ),
            ),
            yes(
                "Empty flats above the shops are a waste when young people in Northbrook can't find "
                "anywhere to rent."
            ),
            hmm(
                "Fine in principle, but the upper floors on the High Street are in poor condition. Make "
                "sure the grants are big enough for proper fire safety and insulation in the flats."
            ),
            no(
                "I run a shop on the High Street and the upper floor is my stock room. Don't assume every "
                "empty window above a shop is a wasted flat."
            ),
            yes(
                "Young people want to live in town. Homes above the shops, near the station and the "
                "pubs, would suit them far better than an estate on the edge of town."
            ),
            hmm(
                "Noise could be a problem. Flats above the shops next to the late bars need good sound "
                "insulation or the complaints will start on day one."
            ),
            yes(
                "Yes. Empty upper floors attract pigeons, damp and vandals. Homes above the shops would "
                "keep the buildings looked after."
            ),
            ask(
                "How do the grants for homes above shops work when the shop and the flat above it have "
                "different owners?"
            ),
        ),
    ),
    "A car-free market square on Saturdays": Subject(
        keywords=("market", "square", "saturday", "car"),
        turnout=0.65,
        support=0.6,
        comments=(
            yes(
                "Closing the market square to cars on Saturdays would bring families back. You can't let "
                "children walk round the stalls with cars squeezing past.",
                yes("We stopped going to the Saturday market with the kids for exactly this reason."),
            ),
            no(
                "I'm a market trader. If customers can't park near the market square on a Saturday "
                "they'll go to the retail park instead. Ask the traders first.",
                no(
                    "Same for the shops around the square. Saturday is our busiest day and most of our "
                    "customers come by car."
                ),
                yes(
                    "Other towns have made their market squares car-free and trade went up. People stay "
                    "longer when it's pleasant."
                ),
            ),
            yes(
                "A car-free market square on Saturdays is long overdue. The square is for people, not "
                "for cars circling for a space that isn't there."
            ),
            hmm(
                "I'd support a car-free market square if there's disabled parking close by. Blue badge "
                "holders still need to get to the market on a Saturday."
            ),
            ask(
                "Where will the buses go on Saturdays if the market square is closed to cars? The number "
                "7 goes right through it.",
                team(
                    "Buses would still use the market square: only private cars would be kept out, from "
                    "8am to 6pm on Saturdays, with two blue badge bays kept at the Church Street end."
                ),
            ),
            yes(
                "The market square on a Saturday without the fumes and the horns would be lovely. Put "
                "some benches and a bit of music out."
            ),
            no(
                "Closing the market square will push the Saturday traffic onto Brook Street and Church "
                "Street, where we live. Has anyone looked at that?"
            ),
            yes(
                "Car-free Saturday market please! My daughter is in a wheelchair and weaving between "
                "parked cars on the square is impossible."
            ),
            no(
                "It's fine for people who live in town. For those of us in the villages with no Saturday "
                "bus, a car-free market square means we don't come at all."
            ),
            yes("Car free square + more stalls = more people at the market. Simple as that."),
            hmm(
                "Try a car-free market square for one summer of Saturdays and count the visitors before "
                "deciding. The traders deserve evidence, not promises."
            ),
            yes("The market square is the heart of the town and it's been a car park for too long."),
        ),
    ),
    "Better lighting and CCTV on Station Road": Subject(
        keywords=("station road", "lighting", "lights", "cctv", "dark", "safe", "patrol"),
        turnout=0.55,
        support=0.78,
        comments=(
            yes(
                "Station Road is frightening after dark. I walk home from the station after late shifts "
                "and cross the road twice to avoid the dark stretch by the old garage.",
                yes(
                    "That dark stretch of Station Road is the worst part. Better lighting there alone "
                    "would make a huge difference."
                ),
            ),
            hmm(
                "Better lighting yes, but CCTV on its own won't make people feel safe. I'd rather see a "
                "patrol, someone actually around on Station Road after dark.",
                yes("Agreed, lighting and people around do more to make you feel safe than CCTV."),
            ),
            yes(
                "My daughter comes home from college along Station Road in winter. Better lighting and "
                "a safety patrol would put my mind at rest."
            ),
            no(
                "More CCTV cameras on Station Road? We're already one of the most watched towns in the "
                "county. CCTV doesn't stop anything, it just records it."
            ),
            ask(
                "Who would watch the CCTV on Station Road, and how long would the footage be kept?",
                team(
                    "The CCTV cameras would be watched from the council's control room, with the police in "
                    "the evenings, and footage kept for 31 days unless it is needed for an investigation."
                ),
            ),
            yes(
                "Please fix the street lights that are already broken on Station Road before adding new "
                "ones. Several have been out for months."
            ),
            yes(
                "As a woman who walks everywhere, I avoid Station Road after dark. Better lighting is the "
                "one thing that would change that."
            ),
            hmm(
                "Think about the underpass by the station too. It's the darkest bit of Station Road and "
                "CCTV on the street won't see inside it."
            ),
            no(
                "The money for CCTV would be better spent reopening the youth club. Bored teenagers are "
                "the problem on Station Road, not the lighting."
            ),
            yes(
                "Better lighting on Station Road would help, but please use warm lights, not the harsh "
                "white ones that shine into bedrooms."
            ),
            yes(
                "I drive a taxi from the rank by the station. Better lighting and CCTV on Station Road "
                "would help the drivers feel safe at night too."
            ),
        ),
    ),
    "Bus interchange by the library": Subject(
        keywords=("bus", "interchange", "stop"),
        turnout=0.5,
        support=0.7,
        comments=(
            yes(
                "The bus stops are spread so far apart that my mum can't change buses any more. One bus "
                "interchange with seats and a shelter would let her get into town again.",
                yes(
                    "Same for lots of older people. Walking between four streets to change buses is too much."
                ),
            ),
            yes(
                "Live bus times at one covered bus interchange would be brilliant. At the moment you "
                "don't know which bus stop to wait at to change buses."
            ),
            no(
                "Putting every bus route at the library will gridlock that corner. Brook Street can't "
                "take that many buses.",
                hmm(
                    "Maybe not every bus route, but the main ones. The interchange needs a proper traffic "
                    "plan for Brook Street."
                ),
            ),
            ask(
                "Will there be toilets at the new bus interchange? If you're changing buses with "
                "children you need them.",
                team(
                    "Yes. The plan includes public toilets in the library building, open whenever buses "
                    "use the interchange."
                ),
            ),
            yes(
                "A covered bus interchange by the library makes sense. People could wait inside the "
                "library for their bus when it's raining."
            ),
            hmm(
                "Fine, as long as the bus stop on Victoria Road stays. Not every bus passenger is going "
                "to the town centre."
            ),
            yes(
                "As a blind person I find the scattered bus stops really hard. One bus interchange with "
                "spoken announcements of the live times would be a big help."
            ),
            no(
                "The library is at the wrong end of town for the station. Put the bus interchange by the "
                "station so trains and buses connect."
            ),
            yes(
                "I take two buses to work and always miss the connection because the stops are so far "
                "apart. A bus interchange would fix that."
            ),
            ask(
                "Will the buses to the hospital leave from the new interchange? That's the route "
                "older people need most."
            ),
            yes("yes yes yes. one bus stop, with a roof, and live times. how hard can it be"),
        ),
    ),
    None: Subject(
        keywords=("town", "bench", "toilet", "tree", "cycle", "high street", "plan", "market"),
        comments=(
            yes(
                "We need more benches and public toilets in the town centre. Older people won't come into "
                "town if they can't sit down or find a toilet.",
                yes("The public toilets by the market closed years ago. Please reopen them."),
            ),
            yes(
                "Trees and shade would make the market square much nicer in summer. It's a sun trap with "
                "nowhere to sit."
            ),
            hmm(
                "Cycle parking is missing everywhere. I'd cycle into town if there was somewhere safe to "
                "lock my bike.",
                yes("Secure cycle parking by the library and the station, please."),
            ),
            yes(
                "Public toilets! Every plan forgets them. A town without public toilets isn't a town for "
                "everyone."
            ),
            yes("More trees along the High Street would make it feel less like a car park."),
            no(
                "This plan is all nice pictures. We've had three town centre plans since 2010 and the "
                "High Street still has twelve empty shops."
            ),
            hmm(
                "Please add benches along the walk to the market, and public toilets. Not everyone can "
                "walk that far in town without a rest."
            ),
            yes(
                "Good plan overall. I'd like to see trees and cycle parking outside every row of "
                "shops in town."
            ),
            ask("How will the plan be paid for? Is any of it funded yet, or is it all hoping for grants?"),
            yes(
                "More trees and more benches are the cheapest things in the whole plan and probably the "
                "most popular."
            ),
            hmm(
                "Please think about older people in every part of this plan: benches, public toilets "
                "and somewhere to sit in the shade in town."
            ),
            # Recent comments still waiting for a moderator.
            yes(
                "Please keep the market square car-free in the summer holidays too, when the families "
                "are in town.",
                moderation="waiting",
            ),
            yes("More benches on the High Street please, and a few trees.", moderation="waiting"),
            yes(
                "Trees in the market square, yes please. The town centre needs some green.",
                moderation="waiting",
            ),
            hmm(
                "Cheap skip hire for High Street shop refits! Call Northbrook Skips on 01632 960 555 for "
                "a quote today.",
                moderation="waiting",
            ),
        ),
    ),
}

# Waiting comments on the proposals themselves (added to the subjects above).
_WAITING = {
    "Homes above shops on the High Street": (
        yes(
            "Homes above the shops on the High Street would be perfect for my son, who works in town and "
            "can't afford to rent anywhere else.",
            moderation="waiting",
        ),
        hmm(
            "Homes above shops need somewhere to keep the bins. The High Street already has bags piled "
            "up on the pavement on bin day.",
            moderation="waiting",
        ),
    ),
    "A car-free market square on Saturdays": (
        ask(
            "Will the Christmas market still be held in the square if it's car-free on Saturdays?",
            moderation="waiting",
        ),
    ),
    "Better lighting and CCTV on Station Road": (
        yes("Better lighting on Station Road can't come soon enough.", moderation="waiting"),
        no(
            "CCTV on Station Road is a waste of money unless someone actually watches it.",
            moderation="waiting",
        ),
        hmm(
            "The man at number 14 Station Road is the one smashing the street lights, everyone knows it. "
            "His name is Gary and he drives a blue van.",
            moderation="waiting",
        ),
    ),
    "Bus interchange by the library": (
        hmm(
            "The bus interchange by the library needs a proper shelter, the wind down Brook Street is "
            "brutal in winter.",
            moderation="waiting",
        ),
        no(
            "I object to the bus interchange by the library. The buses would sit with their engines "
            "running outside the children's library all day.",
            moderation="waiting",
        ),
    ),
}
SUBJECTS = {
    key: subject._replace(comments=subject.comments + _WAITING.get(key, ())) if key else subject
    for key, subject in SUBJECTS.items()
}
