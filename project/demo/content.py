"""Text for the fictional Northbrook demo: organisations, wards, consultations, proposals, comments."""

from civic import roles

PASSWORD = "civic-demo-2026"  # noqa: S105 - printed for the demo; never used outside seed_demo

ORGANISATIONS = [
    ("northbrook-council", "Northbrook Borough Council", "council"),
    ("northbrook-nhs", "Northbrook Hospitals NHS Trust", "health"),
    ("northbrook-police", "Northbrook Valley Police", "police"),
    ("community-transport", "Northbrook Community Transport", "community"),
    ("age-friendly", "Age Friendly Northbrook", "community"),
]

TOPICS = [
    ("health-and-care", "Health and care"),
    ("transport", "Transport"),
    ("town-centre", "Town centre"),
    ("libraries-and-culture", "Libraries and culture"),
    ("community-safety", "Community safety"),
]

# Wards of the fictional borough: (slug, name, west, south, east, north) in WGS84 degrees.
WARDS = [
    ("abbey", "Abbey", -1.560, 52.900, -1.530, 52.920),
    ("brookside", "Brookside", -1.530, 52.900, -1.500, 52.920),
    ("castle-hill", "Castle Hill", -1.500, 52.900, -1.470, 52.920),
    ("dale-end", "Dale End", -1.560, 52.880, -1.530, 52.900),
    ("east-marsh", "East Marsh", -1.530, 52.880, -1.500, 52.900),
    ("fairfield", "Fairfield", -1.500, 52.880, -1.470, 52.900),
]

ACCOUNTS = [
    # (role, email, display name, organisation slug, superuser)
    ("Administrator", "admin@northbrook.example", "Site administrator", "northbrook-council", True),
    (roles.OFFICER, "officer@northbrook.example", "Council engagement team", "northbrook-council", False),
    (roles.OFFICER, "nhs.officer@northbrook.example", "NHS engagement team", "northbrook-nhs", False),
    (roles.MODERATOR, "moderator@northbrook.example", "Moderator", "northbrook-council", False),
    (roles.COUNCILLOR, "councillor@northbrook.example", "Cllr Priya Shah", "northbrook-council", False),
    (roles.RESIDENT, "resident@northbrook.example", "BrooksideNeighbour", None, False),
]

CONSULTATIONS = [
    {
        "slug": "leaving-hospital",
        "title": "Leaving hospital: joined-up discharge with social care",
        "summary": (
            "The NHS trust and the council want to redesign how people leave hospital, so that "
            "care at home is ready on the day and nobody waits in a ward bed for a package of care."
        ),
        "lead": "northbrook-nhs",
        "partners": ["northbrook-council", "age-friendly", "community-transport"],
        "topics": ["health-and-care"],
        "opens_days": -20,
        "closes_days": 40,
        "moderation": "post",
        "body": [
            "Last year 1 in 5 people ready to leave Northbrook General waited more than three days "
            "for home care, equipment or a care home place to be arranged.",
            "We have worked with patients, carers, ward staff and home care providers to design a "
            "new discharge service. We want to know what you think before we decide.",
        ],
        "proposals": [
            (
                "A single discharge team for hospital and council",
                "Hospital and council staff plan discharge separately and repeat the same questions.",
                "One team of nurses, social workers and therapists plans each discharge from day one.",
            ),
            (
                "Home first: care assessed at home, not on the ward",
                "People are assessed on the ward, where they cannot show how they manage at home.",
                "Most people go home with short-term support and are assessed in their own home.",
            ),
            (
                "A named contact for every family",
                "Families tell us they do not know who to call about a discharge.",
                "Every patient and carer gets one named contact and a phone number that is answered.",
            ),
            (
                "Transport home arranged before the day",
                "People wait hours in discharge lounges for transport.",
                (
                    "Community transport is booked when the discharge date is set, "
                    "with a return journey for carers."
                ),
            ),
            (
                "Equipment delivered within 24 hours",
                "Beds, rails and commodes can take a week to arrive.",
                "A joint equipment store delivers within 24 hours, seven days a week.",
            ),
        ],
    },
    {
        "slug": "town-centre-plan",
        "title": "Northbrook town centre plan 2027 to 2037",
        "summary": (
            "A ten-year plan for the town centre: homes above shops, a safer market square, "
            "better buses and more trees. Tell us what matters most to you."
        ),
        "lead": "northbrook-council",
        "partners": ["northbrook-police", "community-transport"],
        "topics": ["town-centre", "transport", "community-safety"],
        "opens_days": -5,
        "closes_days": 55,
        "moderation": "pre",
        "body": [
            "Northbrook town centre has lost a third of its shops since 2015, but more people now "
            "live within walking distance of the market square than ever before.",
            "This draft plan sets out what could change over the next ten years.",
        ],
        "proposals": [
            (
                "Homes above shops on the High Street",
                "Upper floors on the High Street stand empty.",
                "Grants help owners turn empty upper floors into 200 homes.",
            ),
            (
                "A car-free market square on Saturdays",
                "Traffic makes the market square noisy and unsafe on market days.",
                "The square closes to cars from 8am to 6pm on Saturdays.",
            ),
            (
                "Better lighting and CCTV on Station Road",
                "People tell us they avoid Station Road after dark.",
                "New lighting, a community safety patrol and CCTV monitored with the police.",
            ),
            (
                "Bus interchange by the library",
                "Bus stops are spread across four streets.",
                "All routes stop at one covered interchange with live times beside the library.",
            ),
        ],
    },
    {
        "slug": "library-opening-hours",
        "title": "Library opening hours",
        "summary": (
            "How should our five libraries open within a smaller budget? This consultation has closed."
        ),
        "lead": "northbrook-council",
        "partners": [],
        "topics": ["libraries-and-culture"],
        "opens_days": -120,
        "closes_days": -30,
        "moderation": "post",
        "results": (
            "<p>1,240 people responded. Most asked us to keep evening opening and to open on "
            "Sundays at the central library. From April every library stays open until 7pm two "
            "evenings a week, and the central library opens on Sundays.</p>"
        ),
        "body": ["We asked how our five libraries should open within a budget 12% smaller than last year."],
        "proposals": [
            (
                "Later opening two evenings a week",
                "Libraries close at 5pm, before many people finish work.",
                "Every library opens until 7pm on two weekday evenings.",
            ),
            (
                "Sunday opening at the central library",
                "No library opens on Sundays.",
                "The central library opens 11am to 4pm on Sundays.",
            ),
            (
                "Self-service hours with staff on call",
                "Small libraries cannot afford staff all day.",
                "Members use their card to enter outside staffed hours.",
            ),
        ],
    },
    {
        "slug": "bus-routes-new-estate",
        "title": "Bus routes for the Fairfield estate",
        "summary": "Which bus routes should serve the 900 new homes at Fairfield? Opens next month.",
        "lead": "community-transport",
        "partners": ["northbrook-council"],
        "topics": ["transport"],
        "opens_days": 14,
        "closes_days": 70,
        "moderation": "post",
        "body": ["The first residents move into Fairfield in the spring."],
        "proposals": [
            (
                "Extend route 4 through Fairfield",
                "Fairfield has no bus service.",
                "Route 4 runs through the estate every 20 minutes.",
            ),
        ],
    },
]

OPENINGS = [
    "I think this is a good idea.",
    "I am not convinced.",
    "As a carer for my mum,",
    "Speaking as someone who works shifts,",
    "From my experience last winter,",
    "I live in {ward} and",
    "My neighbours and I talked about this and",
    "Honestly,",
    "As a wheelchair user,",
    "As a parent of two young children,",
]
POINTS = {
    "leaving-hospital": [
        "the waiting on the ward was the worst part of my dad's stay",
        "nobody told us who to ring once he was home",
        "the equipment arrived four days after she came home",
        "being assessed at home makes much more sense than on a busy ward",
        "the social worker and the nurse asked us the same questions three times",
        "transport home took six hours to arrive",
        "one team would stop things falling between the NHS and the council",
        "please make sure carers are asked what they can actually manage",
        "weekend discharges need the same support as weekdays",
        "it must work for people who do not speak English well",
    ],
    "town-centre-plan": [
        "closing the square on Saturdays would bring families back",
        "shops need customers who can park nearby",
        "Station Road is frightening after dark",
        "homes above shops would bring life back to the High Street",
        "the bus stops are too far apart for older people",
        "we need more benches and public toilets",
        "trees and shade would make the square much nicer in summer",
        "CCTV on its own will not make people feel safe",
        "market traders should be asked first",
        "cycle parking is missing everywhere",
    ],
    "library-opening-hours": [
        "evening opening matters for people who work",
        "Sunday opening would help families",
        "self-service hours worry me as a lone visitor",
        "the library is the only warm place some people have",
        "staff help people apply for benefits online",
        "I would pay a small fee to keep my local branch open",
    ],
    "bus-routes-new-estate": ["the estate needs a bus from the first day people move in"],
}
CLOSINGS = [
    "",
    " Please listen to residents on this.",
    " I hope this goes ahead.",
    " What happens if it does not work?",
    " Thank you for asking.",
    " This needs proper funding to work.",
]
FIRST_NAMES = [
    "Ash",
    "Bea",
    "Cal",
    "Dee",
    "Eli",
    "Fay",
    "Gus",
    "Hal",
    "Ivy",
    "Jo",
    "Kai",
    "Lou",
    "Mo",
    "Nat",
    "Ola",
    "Pip",
    "Quin",
    "Ray",
    "Sam",
    "Tam",
    "Uma",
    "Vic",
    "Wyn",
    "Xan",
    "Yas",
    "Zac",
]
