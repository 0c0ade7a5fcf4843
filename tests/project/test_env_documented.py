import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = {"get", "flag", "items", "integer", "required"}  # project/settings/env.py


def variables_read_by_settings() -> dict[str, str]:
    """Every NAME in an env.<reader>("NAME", ...) call in project/settings/*.py, with its module."""
    found = {}
    for path in sorted((ROOT / "project" / "settings").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "env"
                and node.func.attr in READERS
            ):
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: name the variable with a string literal"
                )
                found.setdefault(first.value, path.name)
    return found


def test_the_scan_finds_variables_of_every_kind():
    found = variables_read_by_settings()
    assert {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "COMMENTS_PER_PAGE", "SEARCH_INDEX"} <= set(found)
    assert {"TEST_DATABASE_NAME", "CIVIC_BROWSER_DATABASE_URL"} <= set(found)


def test_env_example_lists_every_variable_the_settings_read():
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.M))
    read = variables_read_by_settings()
    missing = {name: module for name, module in read.items() if name not in listed}
    assert not missing, f"add to .env.example: {missing}"


def test_readme_configuration_table_lists_every_variable_the_settings_read():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = "\n".join(line for line in section.splitlines() if line.startswith("| `"))
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]*)`", rows))
    read = variables_read_by_settings()
    missing = {name: module for name, module in read.items() if name not in documented}
    assert not missing, f"add to the README's configuration table: {missing}"
