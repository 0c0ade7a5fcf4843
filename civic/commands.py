"""Management commands officers run print in a language they choose: `--language cy` (the site's
language by default), so a Welsh-speaking officer reads the output in Welsh."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext

from civic import languages


class OfficerCommand(BaseCommand):
    """A command whose output is meant for officers: `--language` (added in create_parser, so a
    command's own add_arguments need not call super) is active while it runs."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--language",
            default=None,
            help=f"The language to write output in: one of {', '.join(languages.codes())} "
            f"(default {settings.LANGUAGE_CODE}).",
        )
        return parser

    def execute(self, *args: Any, **options: Any) -> Any:
        asked = options.get("language") or settings.LANGUAGE_CODE
        chosen = languages.supported(asked)
        if chosen is None:
            raise CommandError(
                gettext("Unknown language %(code)s: choose one of %(codes)s.")
                % {"code": asked, "codes": ", ".join(languages.codes())}
            )
        with translation.override(chosen):
            return super().execute(*args, **options)
