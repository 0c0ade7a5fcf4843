"""Sensible starting text for Northbrook's information pages; the council edits them in Wagtail."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from wagtail.rich_text import RichText


def _p(*paragraphs: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _ul(*items: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))


def _h(text: str) -> tuple[str, str]:
    return ("heading", text)


def pages() -> list[dict]:
    """Privacy notice, accessibility statement, cookies, house rules and contact, in footer order."""
    session_days = settings.SESSION_COOKIE_AGE // 86400
    return [
        {
            "kind": "privacy",
            "slug": "privacy",
            "title": "Privacy notice",
            "intro": (
                "How Northbrook Council and its partners use the information you give when you take "
                "part in consultations or report a local issue, and the rights you have over it."
            ),
            "body": [
                _h("Who we are"),
                _p(
                    "Northbrook Council is the data controller for this website. Partner organisations "
                    "that run a consultation with us (such as the NHS trust) see the responses to it. "
                    'Our data protection officer is at <a href="mailto:dpo@northbrook.example">'
                    "dpo@northbrook.example</a>."
                ),
                _h("What we collect"),
                _ul(
                    "Your email address and password (stored scrambled), to give you an account.",
                    "The display name you choose. It is shown next to what you write; "
                    "it does not need to be your real name.",
                    "Your comments, votes, the comments you report to moderators, and the local "
                    "issues you report or follow, with any photo (we remove its location and camera "
                    "details).",
                    "If you choose to share them: your age band, ward, disability and ethnic group. "
                    "We only count these in groups of 5 or more people.",
                    "Your internet address, for a short time, to stop abuse such as automated posting.",
                ),
                _h("Why we use it and our lawful basis"),
                _p(
                    "We consult residents as part of our public tasks (UK GDPR Article 6(1)(e)). "
                    "Equality details are special category data: we use them only with your explicit "
                    "consent (Article 9(2)(a)), and you can withdraw it on your account page at any time, "
                    "which deletes them."
                ),
                _h("Who sees it"),
                _p(
                    "The public sees your display name and what you published. Staff of the "
                    "organisations running a consultation, and its moderators, see your contributions. "
                    "Nobody outside the council and its partners sees your email address. We never "
                    "sell your information or use it for marketing."
                ),
                _h("How long we keep it"),
                _p(
                    "We keep your account until you ask us to delete it. An account whose email "
                    "address is never confirmed is deleted "
                    f"{settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS} days after it was made. If you "
                    "responded on paper, by phone or at an event, the name and postcode our staff "
                    f"typed in are deleted {settings.ASSISTED_DETAILS_RETENTION_DAYS} days after the "
                    "consultation closes. Records of live updates are deleted after "
                    f"{settings.LIVE_EVENT_RETENTION_DAYS} days. We do not store your internet "
                    "address: counters that hold it to limit abuse are kept in memory and expire "
                    "within an hour of your last visit (and hold a scrambled form of it, not the "
                    "address itself). A copy of your data we prepare for you to download is deleted "
                    f"once you download it, or {settings.PERSONAL_DATA_EXPORT_LINK_HOURS} hours after "
                    "we email you the link. "
                    + (
                        "If you delete your account, your comments and the issues you reported are "
                        "removed; your votes still count, linked to nobody."
                        if settings.ERASURE_CONTRIBUTIONS == "remove"
                        else "Comments, votes and reports stay part of the public record of a consultation "
                        "or issue: if you delete your account, they are no longer linked to you and are "
                        'shown as written by "Former participant".'
                    )
                ),
                _h("Your rights"),
                _p(
                    "You can see, correct, download or delete the information we hold about you, object "
                    "to how we use it, and complain. Download a copy, or delete your account, from your "
                    "account page; or write to our data protection officer. If you are unhappy with our "
                    "answer you can "
                    'complain to the <a href="https://ico.org.uk/make-a-complaint/">Information '
                    "Commissioner's Office</a>."
                ),
            ],
        },
        {
            "kind": "accessibility",
            "slug": "accessibility",
            "title": "Accessibility statement",
            "intro": (
                "This accessibility statement applies to Northbrook's Have your say website, where "
                "residents take part in consultations and report local issues."
            ),
            "body": [
                _p(
                    "This website is run by Northbrook Council. We want as many people as possible to be "
                    "able to use it. For example, that means you should be able to:"
                ),
                _ul(
                    "change colours, contrast levels and fonts using browser or device settings",
                    "zoom in up to 400% without the text spilling off the screen",
                    "navigate most of the website using just a keyboard or speech recognition software",
                    "listen to most of the website using a screen reader",
                    "use every page with JavaScript turned off",
                ),
                _p("We have also made the text on the website as simple as possible to understand."),
                _h("How accessible this website is"),
                _p("We know some parts of this website are not fully accessible:"),
                _ul(
                    "the interactive maps are hard to use without a mouse: every map has a table of the "
                    "same information, and you can find a place by searching for a street",
                    "some documents that organisations attach to consultations are PDFs that may not be "
                    "fully accessible to screen reader software",
                ),
                _h("Feedback and contact information"),
                _p(
                    "If you need information on this website in a different format like accessible PDF, "
                    "large print, easy read, audio recording or braille, email "
                    '<a href="mailto:haveyoursay@northbrook.example">haveyoursay@northbrook.example</a> '
                    "or call 01632 960 000. We will consider your request and get back to you in "
                    "5 working days."
                ),
                _h("Reporting accessibility problems with this website"),
                _p(
                    "We are always looking to improve the accessibility of this website. If you find any "
                    "problems not listed on this page or think we are not meeting accessibility "
                    "requirements, email "
                    '<a href="mailto:haveyoursay@northbrook.example">haveyoursay@northbrook.example</a>.'
                ),
                _h("Enforcement procedure"),
                _p(
                    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
                    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                    "Regulations 2018 (the accessibility regulations). If you are not happy with how we "
                    "respond to your complaint, contact the "
                    '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support '
                    "Service (EASS)</a>."
                ),
                _h("Technical information about this website's accessibility"),
                _p(
                    "Northbrook Council is committed to making its website accessible, in accordance "
                    "with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                    "Accessibility Regulations 2018."
                ),
                _h("Compliance status"),
                _p(
                    "This website is partially compliant with the Web Content Accessibility Guidelines "
                    "version 2.2 AA standard, due to the non-compliances listed below."
                ),
                _h("Non-accessible content"),
                _p("The content listed below is non-accessible for the following reasons."),
                _p(
                    "<strong>Non-compliance with the accessibility regulations.</strong> Some PDF "
                    "documents attached to consultations have no tags or headings, so screen readers "
                    "cannot follow their structure (WCAG 2.2 success criterion 1.3.1). We ask every "
                    "organisation to publish an accessible version alongside each PDF."
                ),
                _p(
                    "<strong>Content that's not within the scope of the accessibility "
                    "regulations.</strong> Online maps are exempt; we give a table and a street search "
                    "as an alternative to every map. PDFs published before 23 September 2018 are exempt "
                    "if they are not needed to take part."
                ),
                _h("What we're doing to improve accessibility"),
                _p(
                    "Every release is checked automatically against WCAG 2.2 A and AA, and the main "
                    "journeys are tested with the keyboard alone and with JavaScript turned off."
                ),
                _h("Preparation of this accessibility statement"),
                _p(
                    "This statement was prepared on 1 December 2026. It was last reviewed on "
                    "1 December 2026. This website was last tested on 1 December 2026 against the WCAG "
                    "2.2 AA standard. The test was carried out by Northbrook Council's digital team, "
                    "with automated checks of every page type and manual testing of the main journeys."
                ),
            ],
        },
        {
            "kind": "cookies",
            "slug": "cookies",
            "title": "Cookies",
            "intro": (
                "Cookies are small files saved on your device. This website uses only the cookies it "
                "needs to work, so we do not ask for your consent to them."
            ),
            "body": [
                _h("Essential cookies we set"),
                _ul(
                    f"<strong>{settings.SESSION_COOKIE_NAME}</strong>: keeps you signed in as you move "
                    f"from page to page. It expires when you sign out or after {session_days} days.",
                    f"<strong>{settings.CSRF_COOKIE_NAME}</strong>: stops other websites sending forms "
                    "in your name. It expires after a year.",
                    f"<strong>{CookieStorage.cookie_name}</strong>: carries a confirmation, such as "
                    "“Your comment has been posted”, to the next page. It is deleted once shown.",
                    f"<strong>{settings.LANGUAGE_COOKIE_NAME}</strong>: remembers the language you "
                    "chose with the language switcher (English or Cymraeg). It expires when you close "
                    "your browser; if you are signed in, your choice is also kept with your account.",
                    "<strong>wagtail_sidebar_collapsed</strong>: only for council staff in the "
                    "administration pages, remembers whether the menu is collapsed.",
                ),
                _h("Cookies we do not set"),
                _p(
                    "We do not use analytics, advertising or social media cookies, and no other website's "
                    "cookies are set through ours. Maps load their images from a map server, which our "
                    "cookies are never sent to."
                ),
            ],
        },
        {
            "kind": "house-rules",
            "slug": "house-rules",
            "title": "House rules",
            "intro": (
                "Everyone is welcome to have their say. These rules keep the conversation useful and "
                "safe; moderators hide or remove contributions that break them."
            ),
            "body": [
                _h("When you comment or report an issue"),
                _ul(
                    "Do not include personal information about yourself or anyone else, such as "
                    "addresses, phone numbers or health details.",
                    "Do not write anything abusive, discriminatory or threatening.",
                    "Do not post spam or advertising, or the same comment more than once.",
                    "Stay on the topic of the consultation or proposal.",
                    "Do not write anything that may break the law, such as defamation or contempt of court.",
                ),
                _h("What moderators do"),
                _p(
                    "Some consultations show comments only after a moderator has read them; others show "
                    "them at once and moderators check them afterwards. Anyone can report a comment they "
                    "think breaks these rules. When a moderator hides or removes your comment we email "
                    "you the reason. Each consultation has a public moderation log that counts the "
                    "decisions, without saying who wrote what."
                ),
                _h("If you disagree with a decision"),
                _p(
                    "Reply to the email you received, or contact us. A different moderator will look at "
                    "it again."
                ),
            ],
        },
        {
            "kind": "contact",
            "slug": "contact",
            "title": "Contact",
            "intro": "How to reach the team that runs this website.",
            "body": [
                _h("Questions about a consultation or a local issue"),
                _p(
                    'Email <a href="mailto:haveyoursay@northbrook.example">haveyoursay@northbrook.example'
                    "</a> or call 01632 960 000 (Monday to Friday, 9am to 5pm). Staff at any Northbrook "
                    "library or council office can also help you take part, or enter your response for you."
                ),
                _h("Your personal information"),
                _p(
                    'Write to our data protection officer at <a href="mailto:dpo@northbrook.example">'
                    "dpo@northbrook.example</a>."
                ),
                _h("By post"),
                _p("Have your say team, Northbrook Council, Town Hall, Market Square, Northbrook NB1 1AA"),
            ],
        },
    ]
