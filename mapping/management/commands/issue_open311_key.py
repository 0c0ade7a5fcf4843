"""Issue an Open311 api_key to a partner organisation; the key is shown once and only its hash is kept."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from civic.commands import OfficerCommand
from civic.models import Organisation
from mapping.services import issue_partner_key


class Command(OfficerCommand):
    help = "Issue an Open311 api_key: manage.py issue_open311_key ORGANISATION_SLUG 'App name'"

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="Slug of the partner organisation.")
        parser.add_argument("name", help="What the key is for, e.g. the partner's app.")

    def handle(self, organisation, name, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(_("No organisation with slug %(slug)r.") % {"slug": organisation})
        _key, raw = issue_partner_key(organisation=org, name=name)
        self.stdout.write(
            _("api_key for %(organisation)s (%(name)s): %(key)s")
            % {"organisation": org.name, "name": name, "key": raw}
        )
        self.stdout.write(
            _("Store it now: it cannot be shown again. Deactivate it in the database to revoke it.")
        )
