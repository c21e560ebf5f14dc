"""The readable version of an export: one HTML page, printable to PDF, rendered with
Jinja2's autoescaping from the same document as the JSON file (nothing more, nothing less)."""

from typing import Any

from jinja2 import Environment

# Section and field names in plain Dutch; a name not listed is shown as it is.
LABELS = {
    "child": "Uw kind",
    "me": "Over u",
    "file": "Het dossier",
    "absences": "Afmeldingen",
    "accessLog": "Wie het dossier bekeek",
    "notifications": "Meldingen aan u",
    "guardians": "Ouders en verzorgers",
    "placements": "Plaatsingen (school, opvang)",
    "contactPerson": "Contactpersoon",
    "dailyTeam": "Wie er elke dag om uw kind heen staan",
    "enrolments": "Activiteiten",
    "careTeam": "Zorgteam (de mensen die helpen)",
    "consents": "Toestemmingen",
    "plan": "Het plan",
    "trajectories": "Hulp en steun",
    "signals": "Zorgen die zijn gemeld",
    "givenName": "Voornaam",
    "familyName": "Achternaam",
    "dateOfBirth": "Geboortedatum",
    "displayName": "Naam",
    "email": "E-mail",
    "phone": "Telefoon",
    "language": "Taal",
    "relation": "Relatie",
    "hasParentalAuthority": "Gezag",
    "hasBsn": "BSN bekend",
    "organisationName": "Organisatie",
    "groupName": "Groep",
    "personName": "Persoon",
    "activityName": "Activiteit",
    "activityTitle": "Activiteit",
    "status": "Status",
    "reason": "Reden",
    "note": "Notitie",
    "text": "Tekst",
    "from": "Van",
    "to": "Tot en met",
    "occurredAt": "Wanneer",
    "actorName": "Wie",
    "role": "Rol",
    "resource": "Wat",
    "action": "Actie",
    "result": "Uitkomst",
    "createdAt": "Gemaakt op",
    "readAt": "Gelezen op",
    "purpose": "Doel",
    "givenAt": "Gegeven op",
    "withdrawnAt": "Ingetrokken op",
}
SECTIONS = ("child", "me", "file", "absences", "notifications", "accessLog")

_TEMPLATE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gegevens van {{ child.givenName }} {{ child.familyName }} - KindCentraal</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 50rem;
  padding-inline: 1rem; color: #111; }
h1, h2, h3 { line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin-block: 0.5rem 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
@media print { section { break-inside: avoid-page; } }
</style>
</head>
<body>
<h1>Gegevens van {{ child.givenName }} {{ child.familyName }}</h1>
<p>Dit is alles wat KindCentraal over uw kind en over u bewaart.
Gemaakt op {{ exportedAt }}.
{% if not careDataIncluded %}
<strong>Zonder de zorggegevens: u heeft geen gezag over dit kind.</strong>
{% endif %}</p>
{% macro value(v) -%}
{%- if v is mapping -%}
<dl>{% for k, item in v.items() %}<dt>{{ label(k) }}</dt><dd>{{ value(item) }}</dd>{% endfor %}</dl>
{%- elif v is string -%}{{ v }}
{%- elif v is sameas true -%}ja
{%- elif v is sameas false -%}nee
{%- elif v is none -%}-
{%- elif v is iterable -%}
{%- if v and v[0] is mapping -%}{{ table(v) }}
{%- elif v -%}{{ v | join(", ") }}{%- else -%}-{%- endif -%}
{%- else -%}{{ v }}
{%- endif -%}
{%- endmacro %}
{% macro table(rows) -%}
{%- set keys = columns(rows) -%}
<table><thead><tr>{% for k in keys %}<th scope="col">{{ label(k) }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>
{%- for k in keys %}<td>{{ value(row.get(k)) }}</td>{% endfor -%}
</tr>{% endfor %}</tbody></table>
{%- endmacro %}
{% for name in sections if document.get(name) is not none %}
<section>
<h2>{{ label(name) }}</h2>
{% if name == "file" %}
{% for part, content in document.file.items() %}
<h3>{{ label(part) }}</h3>{{ value(content) }}
{% endfor %}
{% else %}{{ value(document[name]) }}{% endif %}
</section>
{% endfor %}
</body>
</html>
"""


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    keys: list[str] = []
    for row in rows:
        keys += [k for k in row if k not in keys and not k.endswith("Id") and k != "id"]
    return keys


_environment = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_environment.globals.update(label=lambda key: LABELS.get(key, key), columns=_columns)
_page = _environment.from_string(_TEMPLATE)


def render_html(document: dict[str, Any]) -> str:
    return _page.render(
        document=document,
        sections=SECTIONS,
        child=document.get("child", {}),
        exportedAt=document.get("exportedAt", ""),
        careDataIncluded=document.get("careDataIncluded", False),
    )
