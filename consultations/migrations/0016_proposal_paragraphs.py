"""A proposal's "what would change" becomes paragraph blocks with stable ids, and comments may name
one paragraph. The old rich text is cut into its top-level paragraphs, lists and headings, each a
block, in every proposal and in every saved revision (drafts keep their text too)."""

import json
import re
import uuid

import wagtail.fields
from django.conf import settings
from django.db import migrations, models


TOP_LEVEL = re.compile(r"<(p|ul|ol|h[1-6]|blockquote|div)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def split_html(html):
    """Top-level blocks of rich text; loose text between them becomes a paragraph (a frozen copy of
    consultations.paragraphs.split_html: migrations do not import code that may change)."""
    html = (html or "").strip()
    parts, end = [], 0
    for match in TOP_LEVEL.finditer(html):
        loose = html[end : match.start()].strip()
        if loose:
            parts.append(f"<p>{loose}</p>")
        parts.append(match.group(0).strip())
        end = match.end()
    loose = html[end:].strip()
    if loose:
        parts.append(f"<p>{loose}</p>")
    return parts


def as_blocks(value, known=None):
    """Paragraph blocks for an old rich text value; a value already in blocks is left alone. `known`
    (text -> id, from the live page) gives a revision's unchanged paragraphs the live page's ids."""
    if isinstance(value, list):
        return None
    try:
        if isinstance(json.loads(value or ""), list):
            return None
    except ValueError:
        pass
    known = dict(known or {})
    return [
        {"type": "paragraph", "value": part, "id": known.pop(part, None) or str(uuid.uuid4())}
        for part in split_html(value)
    ]


def to_paragraphs(apps, schema_editor):
    ProposalPage = apps.get_model("consultations", "ProposalPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    live_ids = {}  # page id -> {paragraph html: block id}: revisions share the live page's ids
    for page in ProposalPage.objects.only("pk", "proposed_change").iterator():
        blocks = as_blocks(page.proposed_change)
        if blocks is not None:
            ProposalPage.objects.filter(pk=page.pk).update(proposed_change=json.dumps(blocks))
            live_ids[str(page.pk)] = {b["value"]: b["id"] for b in reversed(blocks)}
    kind = ContentType.objects.filter(app_label="consultations", model="proposalpage").first()
    if kind is None:
        return
    for revision in Revision.objects.filter(content_type=kind).iterator():
        content = revision.content or {}
        blocks = as_blocks(content.get("proposed_change"), live_ids.get(str(revision.object_id)))
        if blocks is not None:
            content["proposed_change"] = json.dumps(blocks)
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):

    dependencies = [
        ('civic', '0017_address_tail'),
        ('consultations', '0015_survey_answer_themes'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(to_paragraphs, migrations.RunPython.noop),
        migrations.AddField(
            model_name='comment',
            name='paragraph',
            field=models.CharField(blank=True, default='', max_length=36),
        ),
        migrations.AddField(
            model_name='comment',
            name='paragraph_text',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='proposalpage',
            name='proposed_change',
            field=wagtail.fields.StreamField([('paragraph', 0)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'ol', 'ul', 'document-link'], 'label': 'Paragraph'})}, help_text='What would change, one paragraph per block: residents can comment on each paragraph.'),
        ),
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(condition=models.Q(('paragraph', ''), _negated=True), fields=['proposal', 'paragraph', 'status'], name='comment_paragraph_idx'),
        ),
    ]
