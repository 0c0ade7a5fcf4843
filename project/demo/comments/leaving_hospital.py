"""Leaving hospital: what families, carers and staff said about each part of the discharge plan."""

from . import Subject, ask, hmm, no, team, yes

SUBJECTS = {
    "A single discharge team for hospital and council": Subject(
        keywords=("team", "same questions", "social worker", "nurse", "therapist", "record", "separate"),
        turnout=0.55,
        support=0.74,
        comments=(
            yes(
                "Yes please. When my dad left Northbrook General we were asked the same questions by "
                "the ward nurse, the social worker and then the care agency. One team that talks to "
                "each other would save everyone time.",
                yes(
                    "Same here with my mum. Three people asked the same questions, and none of them had "
                    "read what the last one wrote down."
                ),
            ),
            yes(
                "One team from day one is the right idea. The ward nurses planned the discharge and the "
                "social workers planned the rest, and the two never met in the middle."
            ),
            no(
                "I've worked on the wards for twenty years and we've had 'one team' three times already. "
                "Each time it's a new name and the same staff shortage. Fund more social workers instead "
                "of reorganising the ones we have.",
                yes(
                    "I take your point about staff, but as a family we'd still rather deal with one team "
                    "than two. Reorganising doesn't have to mean cuts."
                ),
                team(
                    "Thank you both. The single team is not a saving: the social workers and therapists "
                    "stay in post and move into one office at Northbrook General with the ward discharge "
                    "nurses, so families are asked the same questions once, not three times."
                ),
            ),
            ask(
                "Who would the single discharge team actually answer to, the NHS trust or the council? "
                "If something goes wrong, who do we complain to?",
                team(
                    "The team would have one manager, employed by the trust, and one place to complain: "
                    "the trust's patient advice service, which brings in the council whenever care at "
                    "home is part of the complaint."
                ),
            ),
            yes(
                "Being asked the same questions over and over when you're exhausted and worried is awful. "
                "Anything that means telling the story once gets my support."
            ),
            hmm(
                "Sounds sensible on paper. It depends on whether the social workers and nurses share one "
                "record. If they still use separate computer systems you'll have two teams sitting in "
                "one room.",
                yes("Exactly, one shared record is the key thing. Otherwise it's the same questions again."),
            ),
            no(
                "I don't see how one team fixes the real problem, which is that there aren't enough home "
                "carers in Northbrook. The team can plan all it likes if nobody is there to do the care."
            ),
            yes(
                "My husband had a stroke last year. The therapist, the nurse and the council all came "
                "separately, asked the same questions and told us something different. One team with "
                "one plan "
                "would have been so much less confusing."
            ),
            yes(
                "Good. The ward staff and the social workers blaming each other for delays has gone on "
                "long enough. Put them in one team and make them sort it out."
            ),
            hmm(
                "As a social worker I'd welcome working alongside the nurses on the ward, but the team "
                "would need cover at weekends too, or it only exists Monday to Friday."
            ),
            ask(
                "Will patients who are in Northbrook General but live over the border get the same "
                "single team, or will their own council's social worker still plan things separately?"
            ),
            no(
                "Another layer of management. The money for a new team would be better spent on the "
                "care itself."
            ),
        ),
    ),
    "Home first: care assessed at home, not on the ward": Subject(
        keywords=("home", "ward", "assess"),
        turnout=0.5,
        support=0.64,
        comments=(
            yes(
                "Absolutely. My mum was assessed on the ward and they said she couldn't manage stairs. "
                "At home she has a stairlift and has managed fine for years. Being assessed at home "
                "shows what people can really do.",
                yes(
                    "Same with my uncle. On the ward he seemed frail, at home in his own kitchen he was "
                    "a different man."
                ),
            ),
            yes(
                "People are always more confused in hospital. An assessment in their own home, with "
                "their own things around them, is far fairer."
            ),
            no(
                "I'm worried home first just means sending people home too early without enough help. "
                "My neighbour was sent home and was back in A&E within three days.",
                hmm(
                    "That's the risk, but the idea is that support is in place at home from the first "
                    "day. Someone needs to check that it actually is."
                ),
            ),
            ask(
                "How long would the short-term support at home last before the assessment happens? "
                "A few days or a few weeks?",
                team(
                    "Usually up to six weeks. Most people are assessed at home within the first two "
                    "weeks, once they have settled, and the support carries on until their longer-term "
                    "care starts."
                ),
            ),
            yes("Being assessed at home makes much more sense than on a busy ward at 8pm. Please do this."),
            no(
                "Not everyone has a safe home to go back to. My brother lives alone in a flat with no "
                "lift. Assessing him at home after he's already there seems backwards to me."
            ),
            yes(
                "As an occupational therapist I can say we learn far more in twenty minutes in someone's "
                "own home than in a whole day on the ward."
            ),
            hmm(
                "In principle yes. But who is at home with them on the first night? If there's no carer, "
                "the support has to start the day they leave the ward, not the day after."
            ),
            yes(
                "Dad wanted nothing more than to be in his own home. Every extra day on the ward he lost "
                "a bit more confidence. Home first is the right way round."
            ),
            ask(
                "Will family carers be there when the assessment at home is done? We know things about "
                "how mum manages that she won't say herself."
            ),
            no(
                "Sounds like cost-cutting dressed up as choice. Assessed at home by whom, and when? "
                "Community nurses are already stretched."
            ),
        ),
    ),
    "A named contact for every family": Subject(
        keywords=("named contact", "ring", "call", "phone", "contact"),
        turnout=0.6,
        support=0.9,
        comments=(
            yes(
                "This would have made all the difference. When dad came home nobody told us who to ring. "
                "We spent a whole afternoon being passed between the ward, the GP and the council.",
                yes(
                    "Exactly our experience. A named contact with a phone number that someone actually "
                    "answers is all we ever asked for."
                ),
            ),
            yes(
                "A named contact for every family is so simple and so needed. Please make it a real "
                "person, not a call centre."
            ),
            ask(
                "Will the named contact work at weekends? Most of our problems started on a Saturday and "
                "nobody answered the phone until Monday.",
                team(
                    "Yes. Each family would have a named contact during the week, and the same phone "
                    "number would be answered by the discharge team from 8am to 8pm at weekends."
                ),
            ),
            yes(
                "My sister and I live in different towns. One named contact who can tell both of us "
                "what's happening would stop the endless phone calls."
            ),
            hmm(
                "Good idea, but the named contact needs to stay the same person. We had a 'named nurse' "
                "who changed every shift, which meant nothing."
            ),
            yes(
                "I care for my wife, who has dementia. Knowing who to call when things go wrong at 6pm "
                "would be worth more than anything else in this plan."
            ),
            no(
                "Nice to have, but a named contact can't fix a care package that never turns up. Sort "
                "out the care first, then worry about who answers the phone."
            ),
            yes(
                "Yes. And print the named contact's phone number on the discharge letter, in big print. "
                "Half the time the number is lost in a pile of leaflets."
            ),
            ask(
                "Could the named contact also speak to our GP? We were the ones carrying messages "
                "between the hospital and the surgery."
            ),
            yes(
                "We didnt know who to ring for 3 days after mum got home and the carers never came. "
                "A named contact would of saved a lot of tears."
            ),
            hmm(
                "Please make sure the named contact can call with an interpreter. My parents' English is "
                "limited and they couldn't follow the phone calls about my dad."
            ),
        ),
    ),
    "Transport home arranged before the day": Subject(
        keywords=("transport", "lounge", "journey", "drive", "collect", "vehicle"),
        turnout=0.45,
        support=0.8,
        comments=(
            yes(
                "My dad sat in the discharge lounge for six hours waiting for transport home. He was "
                "ready at 10am and got home after dark. Booking it when the date is set is common sense.",
                yes(
                    "Six hours in the discharge lounge is about what we had too. He'd had nothing but a "
                    "sandwich by the time the transport came."
                ),
            ),
            yes(
                "Community transport drivers are brilliant but they're booked on the day with no notice. "
                "Booking transport home a day or two ahead would help the drivers as much as the patients."
            ),
            ask(
                "Will the return journey for carers be free? I don't drive, and getting back from "
                "Northbrook General by bus takes two changes.",
                team(
                    "Yes. When a carer travels home with the patient, their return journey would be "
                    "booked with the transport home, at no charge."
                ),
            ),
            hmm(
                "Transport home matters, but so does someone being there when you arrive. My aunt was "
                "dropped off by the transport to a cold house with an empty fridge."
            ),
            yes(
                "The discharge lounge is no place for frail people to spend the afternoon. Please book "
                "transport home the day before."
            ),
            no(
                "Booking transport before the day sounds fine until the discharge date moves, which it "
                "always does. You'll have transport turning up for patients who aren't ready.",
                hmm(
                    "It moved three times for my mum. Maybe book the transport and make it easy to change "
                    "at short notice, rather than not booking at all."
                ),
            ),
            yes(
                "As a wheelchair user I have waited hours for a vehicle that can take my chair. Knowing "
                "the transport is booked in advance would take a lot of the stress away."
            ),
            yes(
                "Ask families first. Lots of us can collect our relatives and drive them home if we just "
                "know the time, instead of everyone waiting for hospital transport."
            ),
            ask(
                "What happens to patients discharged late in the evening? Is transport home "
                "available after 8pm?"
            ),
            no(
                "I'd rather the money went on care at home than on booking transport. Most families can "
                "collect their relative themselves."
            ),
        ),
    ),
    "Equipment delivered within 24 hours": Subject(
        keywords=("equipment", "bed", "commode", "rail", "hoist", "frame", "deliver"),
        turnout=0.5,
        support=0.88,
        comments=(
            yes(
                "Mum's hospital bed took five days to arrive. She slept in a chair downstairs until it "
                "came. Equipment within 24 hours would make a huge difference.",
                yes(
                    "We had the same with a commode. Five days of my dad struggling to the bathroom at "
                    "night until the equipment arrived."
                ),
            ),
            yes(
                "Seven days a week is the important bit. At the moment equipment never arrives on a "
                "Friday afternoon or at the weekend."
            ),
            ask(
                "Would the equipment store also collect things when they're no longer needed? We've had "
                "a commode and a walking frame in the hall for a year.",
                team(
                    "Yes, collection is part of the same equipment service. Call 01632 960 000 and the "
                    "store will collect within a week."
                ),
            ),
            yes(
                "Grab rails and a raised toilet seat are cheap. Making people wait a week for equipment "
                "like that, and stay in hospital longer, is a false economy."
            ),
            hmm(
                "Equipment within 24 hours is ambitious. I'd settle for a delivery time we're told in "
                "advance and that is kept, rather than waiting in all day."
            ),
            no(
                "A joint equipment store sounds like another big contract. The last equipment contractor "
                "was useless. I'd want to see the figures before agreeing to it."
            ),
            yes(
                "As a district nurse I see people sent home before the equipment arrives and falling in "
                "the first week. Delivering it within 24 hours would prevent falls."
            ),
            yes(
                "My father-in-law came home with no hoist. Two of us had to lift him for four days "
                "until the equipment was delivered. Never again."
            ),
            ask(
                "Will the equipment be fitted, or just delivered? Somebody has to put the rails up and "
                "set up the hospital bed."
            ),
            yes(
                "Yes to this. And label the equipment with the store's number so people know who to ring "
                "when a bed or a hoist breaks."
            ),
        ),
    ),
    None: Subject(
        keywords=("hospital", "care", "discharg", "carer", "nurse", "weekend", "home", "nhs"),
        comments=(
            yes(
                "Please make sure unpaid carers are asked what they can actually manage. We are expected "
                "to pick up everything on the day someone comes home from hospital.",
                yes("Yes. Unpaid carers are the ones holding all of this together and nobody asks us."),
            ),
            hmm(
                "Weekend discharges need the same support as weekdays. At the moment Friday afternoon is "
                "the worst time to leave hospital, with nobody about at the weekend.",
                hmm("Friday at 5pm is when my dad was sent home too. No carers at the weekend until Monday."),
            ),
            yes(
                "This discharge plan is long overdue. Thank you to the hospital staff who designed "
                "it with families."
            ),
            hmm(
                "It must work for people who do not speak English well. My neighbours had no idea what "
                "the discharge letter said when their mum came home."
            ),
            yes(
                "As an unpaid carer for my husband I want to be treated as part of the care team, not as "
                "someone who is phoned on the morning of discharge."
            ),
            no(
                "I don't trust any of this to be funded. We've had consultations before and nothing "
                "changed at the hospital."
            ),
            ask(
                "Will the new discharge service work at the weekend? Everything in the plan sounds like "
                "Monday to Friday, nine to five, and weekend discharges are where it goes wrong."
            ),
            yes(
                "Unpaid carers need a break too. Please include respite care in the plan, not just "
                "getting people out of hospital."
            ),
            hmm(
                "My mum was discharged at the weekend with no medication sorted. Weekend discharges need "
                "pharmacy cover at the hospital as well as social care."
            ),
            yes("Good to see families being asked about hospital discharge for once."),
            ask(
                "How will you know if the new discharge service works? Will you publish the waiting "
                "times, so we can see whether anything changes?"
            ),
            no(
                "Too many changes at once. Do two of these properly rather than five badly, and fund "
                "the care."
            ),
            no(
                "The nurse on Ward 7, Karen, told my mum she was bed blocking. She should not be working "
                "with elderly people.",
                moderation="personal_data",
            ),
            no(
                "While you're at it, sort out the hospital car park. £4.50 for two hours to visit your "
                "own mother is a disgrace.",
                moderation="off_topic",
            ),
            no(
                "Whoever thought this up has clearly never had to care for anyone. A complete waste of "
                "time and money, the lot of you.",
                moderation="abusive",
            ),
        ),
    ),
}
