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
                (
                    "One team of nurses, social workers and therapists plans each discharge from day one.",
                    (
                        "The team works from the hospital seven days a week, so a discharge planned on "
                        "Friday can happen at the weekend."
                    ),
                    (
                        "Families and carers are asked once what support is needed at home, and the team "
                        "shares the answers with everyone involved."
                    ),
                ),
            ),
            (
                "Home first: care assessed at home, not on the ward",
                "People are assessed on the ward, where they cannot show how they manage at home.",
                (
                    "Most people go home with short-term support and are assessed in their own home.",
                    (
                        "Carers or reablement workers visit for up to six weeks while an occupational "
                        "therapist sees how the person manages."
                    ),
                    "Long-term care is decided after that assessment at home, not on the ward.",
                ),
            ),
            (
                "A named contact for every family",
                "Families tell us they do not know who to call about a discharge.",
                (
                    "Every patient and carer gets one named contact and a phone number that is answered.",
                    (
                        "The named contact stays the same from admission until two weeks after the person is "
                        "home."
                    ),
                    (
                        "The phone line is answered from 8am to 8pm every day, with a call back within one "
                        "working day for messages left overnight."
                    ),
                ),
            ),
            (
                "Transport home arranged before the day",
                "People wait hours in discharge lounges for transport.",
                (
                    "Community transport is booked when the discharge date is set, "
                    "with a return journey for carers.",
                    "Drivers are trained to help people into their home and check that the heating is on.",
                    (
                        "If the discharge date moves, the booking moves with it without the family having to "
                        "call."
                    ),
                ),
            ),
            (
                "Equipment delivered within 24 hours",
                "Beds, rails and commodes can take a week to arrive.",
                (
                    "A joint equipment store delivers within 24 hours, seven days a week.",
                    "The hospital and the council share one store, so equipment is not ordered twice.",
                    "Equipment no longer needed is collected within a week and cleaned for the next person.",
                ),
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
                (
                    "Grants help owners turn empty upper floors into 200 homes.",
                    (
                        "Grants cover up to half the cost of a separate entrance, fire safety work and "
                        "insulation."
                    ),
                    "Homes built with a grant are let at an affordable rent for at least ten years.",
                ),
            ),
            (
                "A car-free market square on Saturdays",
                "Traffic makes the market square noisy and unsafe on market days.",
                (
                    "The square closes to cars from 8am to 6pm on Saturdays.",
                    "Blue badge holders keep six parking spaces on Church Lane, next to the square.",
                    "Deliveries to shops on the square are made before 8am or after 6pm.",
                ),
            ),
            (
                "Better lighting and CCTV on Station Road",
                "People tell us they avoid Station Road after dark.",
                (
                    "New lighting, a community safety patrol and CCTV monitored with the police.",
                    "The patrol walks Station Road from 6pm to midnight on Thursdays, Fridays and Saturdays.",
                    (
                        "Cameras cover the station entrance and the underpass only, and recordings are kept "
                        "for 31 days."
                    ),
                ),
            ),
            (
                "Bus interchange by the library",
                "Bus stops are spread across four streets.",
                (
                    "All routes stop at one covered interchange with live times beside the library.",
                    (
                        "The interchange has seating, step-free boarding and a help point linked to the bus "
                        "company."
                    ),
                    (
                        "The four old stops close once the interchange opens, with signs pointing to it for "
                        "six months."
                    ),
                ),
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
        # Results and "you said, we did" are both written from these, with the figures counted from
        # the seeded comments and votes (project/demo/participation.py).
        "outcomes": [
            {
                "proposal": "Later opening two evenings a week",
                "you_said": (
                    "Libraries close before many of you finish work or college. You asked for evening "
                    "opening so you can borrow books, study and use the computers after work."
                ),
                "we_did": (
                    "From April every library stays open until 7pm on Tuesdays and Thursdays. The extra "
                    "evening hours come from closing at 1pm on Wednesdays, the quietest afternoon, so "
                    "morning sessions and toddler groups are not affected."
                ),
            },
            {
                "proposal": "Sunday opening at the central library",
                "you_said": (
                    "Families, and people who work during the week, asked for Sunday opening. Some of you "
                    "worried about staff working weekends and about the Sunday buses."
                ),
                "we_did": (
                    "From April the central library opens from 11am to 4pm on Sundays. Sunday shifts are "
                    "voluntary and paid at the weekend rate, and we have asked the bus company for an "
                    "extra Sunday afternoon bus from the estates."
                ),
            },
            {
                "proposal": "Self-service hours with staff on call",
                "you_said": (
                    "Most of you did not want self-service hours: you would not feel safe in a library "
                    "with no staff, and many people need staff to help with computers and forms."
                ),
                "we_did": (
                    "We will not bring in self-service hours. Every library will have staff on site "
                    "whenever it is open."
                ),
            },
            {
                "heading": "Help with computers",
                "theme_terms": ["computers", "online", "apply"],
                "you_said": (
                    "Library staff help people apply for jobs, benefits and bus passes online, and many "
                    "of you have no computer at home."
                ),
                "we_did": (
                    "The free computers and the help sessions stay at every library, and run on Tuesday "
                    "and Thursday evenings too."
                ),
            },
        ],
        "body": ["We asked how our five libraries should open within a budget 12% smaller than last year."],
        "proposals": [
            (
                "Later opening two evenings a week",
                "Libraries close at 5pm, before many people finish work.",
                (
                    "Every library opens until 7pm on two weekday evenings.",
                    "Each library chooses its two evenings with the people who use it most.",
                    "Staff hours move from Monday mornings, the quietest time, to the evenings.",
                ),
            ),
            (
                "Sunday opening at the central library",
                "No library opens on Sundays.",
                (
                    "The central library opens 11am to 4pm on Sundays.",
                    "Sunday opening is paid for by closing the central library on Wednesday afternoons.",
                    "Children’s activities run every Sunday during school holidays.",
                ),
            ),
            (
                "Self-service hours with staff on call",
                "Small libraries cannot afford staff all day.",
                (
                    "Members use their card to enter outside staffed hours.",
                    (
                        "Members aged 16 and over can sign up for self-service entry after a short induction "
                        "with staff."
                    ),
                    (
                        "A member of staff can be called from the library at any time it is open, and "
                        "cameras cover the entrance."
                    ),
                ),
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
                (
                    "Route 4 runs through the estate every 20 minutes.",
                    (
                        "The first bus leaves Fairfield at 6am and the last returns from the town centre at "
                        "11pm."
                    ),
                    "Two new stops are built on Fairfield Way before the first residents move in.",
                ),
            ),
        ],
    },
]

# Display names the demo residents chose (resident1 ... resident60, in order).
DISPLAY_NAMES = [
    name.strip()
    for name in """
Margaret W, Tom H, Priya K, Dave R, Sue B, Kwame A, JennyR, Alan Hughes, Bernie, Fatima S,
Gareth, Linda M, Chris P, Aisha, Helen T, Marek, Joan, Ryan W, Sandra, Imran H,
Carol J, Wendy, Olu, Rob K, Beth, Graham, Tariq, Kate L, Stan, Zofia,
Ian, Harriet, Lee, Nadia, Frank, Gemma, Sunita, Bob R, Eileen, Jamal,
Rachel, Ken, Maureen, Danny, Yvonne, Amir, Pauline, Steve, Hannah, Colin,
Shirley, Matt, Jo, Derek, Anita, Luke, Brenda, Sian, Paul D, Ngozi
""".split(",")
]
