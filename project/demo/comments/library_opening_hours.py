"""Library opening hours (closed, results published): evenings, Sundays and self-service hours."""

from . import Subject, ask, hmm, no, yes

SUBJECTS = {
    "Later opening two evenings a week": Subject(
        keywords=("evening", "7pm", "later", "after work", "after college", "5pm"),
        turnout=0.7,
        support=0.82,
        comments=(
            yes(
                "Evening opening matters for people who work. I finish at half five and the library is "
                "already shut by the time I get there.",
                yes("Same. Open until 7pm and I could actually borrow books again after work."),
            ),
            yes(
                "My son does his homework at the library because we have no internet at home. Open until "
                "7pm two evenings a week would really help him."
            ),
            yes(
                "I'd use the library after work every week if it opened later. At the moment I only get "
                "there on a Saturday."
            ),
            hmm(
                "Later opening is good, but which two evenings? Please keep them the same at every library "
                "so people can remember.",
                hmm("Tuesday and Thursday evenings would suit most people I know."),
            ),
            no(
                "Later opening in the evening will mean fewer hours in the morning, which is when older "
                "people and the toddler groups use the library. Don't take from them to give to commuters.",
                hmm(
                    "I'd understood the mornings stay the same and the evening hours come out of the "
                    "quietest afternoons, but it would be good to have that confirmed."
                ),
            ),
            yes(
                "Please do it. The evening is when working parents can bring children to choose books, "
                "after work and after tea."
            ),
            yes(
                "As a student I need somewhere quiet to study after college. The library open until 7pm "
                "would be perfect."
            ),
            hmm(
                "I'd support later opening if the library is staffed properly in the evening. One person "
                "on their own at 7pm isn't safe for staff."
            ),
            yes("Open until 7pm after work? Yes, at last."),
            no(
                "Nobody I know would go to the library in the evening. Keep the money for Saturday "
                "opening instead."
            ),
            yes(
                "Our reading group meets after work and has to use a pub because the library closes at "
                "5pm. Evening opening would bring us back."
            ),
            yes(
                "The evening is the only time I can use the computers for job applications, because I'm "
                "at work during the day. Later opening would help."
            ),
            ask(
                "Will the later opening in the evening include the small branch libraries, or just "
                "the central library?"
            ),
            yes("Later opening two evenings a week is the most useful change in this whole consultation."),
        ),
    ),
    "Sunday opening at the central library": Subject(
        keywords=("sunday", "weekend"),
        turnout=0.6,
        support=0.72,
        comments=(
            yes(
                "Sunday opening would help families. Weekdays are school and work, Saturday is sport, "
                "Sunday is when we'd actually go.",
                yes("This. A Sunday afternoon at the library with the kids would be lovely."),
            ),
            yes(
                "Sunday opening at the central library would give people somewhere warm and free to go "
                "at weekends."
            ),
            no(
                "Sunday should be a day off for library staff like everyone else. Don't make them work "
                "weekends to save money.",
                hmm(
                    "Lots of people work Sundays, in shops and hospitals. It's fine as long as library "
                    "staff are paid properly for Sunday shifts and they're voluntary."
                ),
            ),
            yes("My children love the library and we can only ever go at weekends. Sunday opening please!"),
            hmm(
                "Sunday opening at the central library is fine, but it's a bus ride away for families on "
                "the estates. Some Sunday opening at the branch libraries would be fairer."
            ),
            yes("11am to 4pm on Sundays is a sensible time. Families could go after swimming."),
            no(
                "The town centre is dead on Sundays. You'd be paying to heat an empty central library "
                "every Sunday afternoon."
            ),
            yes(
                "Sunday opening is when I'd take my dad, who needs someone to drive him. On weekdays I'm "
                "at work."
            ),
            ask("Would the café at the central library open on Sundays too?"),
            yes(
                "Families need free places to go at weekends. Sunday opening at the central library is a "
                "great idea."
            ),
            yes("I work six days a week. Sunday is the only day I could get to the library."),
            hmm(
                "Sunday opening only makes sense if the buses run. The Sunday bus to the central library "
                "is one an hour."
            ),
            yes(
                "Sunday afternoons are long and lonely for lots of older people. An open library on a "
                "Sunday, with a warm welcome, would help."
            ),
            no(
                "I'd rather keep the small branch libraries open longer in the week than open the central "
                "library on Sundays."
            ),
        ),
    ),
    "Self-service hours with staff on call": Subject(
        keywords=("self-service", "staff", "on my own", "card"),
        turnout=0.6,
        support=0.3,
        comments=(
            no(
                "Self-service hours worry me as a lone visitor. I wouldn't feel safe in an empty library "
                "in the evening with no staff.",
                no("I feel the same. The staff are the reason I feel safe going in on my own."),
            ),
            no(
                "A library without staff is just a room full of books. The staff help people fill in "
                "forms, use the computers and find what they need."
            ),
            no(
                "Self-service hours will be the first step to closing the branch libraries altogether. "
                "Staff on call isn't the same as staff in the building.",
                hmm(
                    "I don't think that's the plan, but the council should promise in writing that "
                    "self-service hours won't replace staffed hours."
                ),
            ),
            yes(
                "I'd use self-service hours happily. I just want to pick up my reserved books with my "
                "card and go, I don't need staff for that.",
                no(
                    "That's fine for you, but plenty of people do need the staff. Self-service hours suit "
                    "the people who need the library least."
                ),
            ),
            ask(
                "Who would be on call during self-service hours, and how quickly would staff get there if "
                "something happened?"
            ),
            no(
                "My mum is 84 and can't use a card reader. Self-service hours would shut her out of her "
                "own local library."
            ),
            yes(
                "If it's a choice between self-service hours and the branch closing altogether, I'd take "
                "self-service hours with staff on call."
            ),
            no("Children use the library after school. You can't leave them in a building with no staff."),
            hmm(
                "Self-service hours could work in the small libraries if staff are on site for part of the "
                "time. Try it at one library first."
            ),
            no(
                "No staff means no help with the computers. I need a member of staff every time I apply "
                "for a job online."
            ),
            yes(
                "Other councils have self-service hours and they work fine. Card entry keeps buildings "
                "open longer for the same money."
            ),
            no("I wouldn't feel safe on my own in a library with no staff after dark. Please don't."),
            ask("Would under-16s be allowed in during self-service hours, with no staff there?"),
            no("The staff are the library. Self-service hours are a cut dressed up as longer opening."),
        ),
    ),
    None: Subject(
        keywords=("library", "libraries", "computer", "warm", "online"),
        comments=(
            yes(
                "The library is the only warm place some people have in winter. Please keep every library "
                "open, whatever the hours.",
                yes("The warm space at Brookside library last winter was full every afternoon."),
            ),
            hmm(
                "Library staff help people apply for benefits online and fill in forms. Please protect "
                "that, whatever you decide about opening hours.",
                yes("They helped me apply for my bus pass online. I'd never have managed it at home."),
            ),
            yes(
                "I use the library computers for job applications because I don't have a laptop. Keeping "
                "the computers free at every library is vital."
            ),
            no(
                "A 12% cut to libraries is a false economy. Libraries save money for every other service "
                "the council runs."
            ),
            yes(
                "Libraries are a warm place, a quiet place and a free place. There's nowhere else like "
                "them in Northbrook."
            ),
            hmm(
                "Please publish which library hours are used least before deciding. Evidence first, then "
                "change the opening hours."
            ),
            yes(
                "The library staff helped my dad apply for pension credit online. He'd never have managed "
                "on his own."
            ),
            ask(
                "Could the library computers be available somewhere when the library is closed, in the "
                "council offices for example?"
            ),
            yes("I would pay a small fee to keep my local branch library open. It's worth it."),
            yes("A warm place, free internet and someone to ask. Keep our libraries!"),
            no(
                "All these options are about managing decline. The council should be fighting for more "
                "library money, not sharing out less."
            ),
            hmm(
                "Whatever hours you choose, put them on the library door and online, and keep them the "
                "same for a year."
            ),
        ),
    ),
}
