"""What an editor sees from the command line is Danish: click's own messages, bad dates and
bad environment values, `praksis new`'s options."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

ENGLISH = ("Usage:", "Error:", "Try '", "Aborted!", "Missing argument", "Missing option",
           "No such option", "No such command", "Got unexpected extra", "Options:",
           "Commands:", "Show this message", "[default:", "[required]")


def _no_english(text: str) -> None:
    for phrase in ENGLISH:
        assert phrase not in text, (phrase, text)
    assert "Traceback" not in text


@pytest.mark.parametrize(("args", "said"), [
    (("new", "practice", "ny-praksis", "ekstra"), "Fejl: for mange argumenter: ekstra."),
    (("score",), "Fejl: argumentet FILE mangler."),
    (("new", "plan", "--framework", "signs-of-safety"),
     "Fejl: indstillingen '--practice' mangler. Skriv fx --practice ID."),
    (("check", "--strickt"), "Fejl: ukendt indstilling '--strickt'. Mente du '--strict'?"),
    (("chek",), "Fejl: ukendt kommando 'chek'. Mente du"),
    (("status", "--today"), "Fejl: indstillingen '--today' skal have en værdi."),
    (("export", "--format"), "Fejl: indstillingen '--format' skal have en værdi."),
])
def test_click_errors_are_danish_with_exit_1(args: tuple[str, ...], said: str,
                                              tmp_path: Path) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.exit_code == 1
    assert said in result.stderr
    if "skal have en værdi" not in said:   # click's parser gives no command for these
        assert result.stderr.startswith("Brug: praksis ")
        assert "Se 'praksis" in result.stderr and "--help' for hjælp." in result.stderr
    _no_english(result.output)


@pytest.mark.parametrize("args", [("--help",), ("new", "--help"), ("new", "plan", "--help"),
                                  ("check", "-h"), ("build", "--help"), ("export", "--help")])
def test_help_is_danish(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Brug: praksis")
    assert "Indstillinger:" in result.stdout and "Vis denne hjælp, og afslut." in result.stdout
    _no_english(result.stdout)


def test_a_group_without_a_command_shows_its_danish_help() -> None:
    result = run_cli("new")
    assert result.exit_code == 0
    assert "Kommandoer:" in result.stderr and "practice" in result.stderr
    _no_english(result.output)


def test_an_aborted_question_is_danish(sample_project: Path) -> None:
    (sample_project / "content/praksis/lindegaarden").mkdir()
    page = sample_project / "content/praksis/tryghedsplan.md"
    page.rename(sample_project / "content/praksis/lindegaarden/tryghedsplan.md")
    result = run_cli("new", "edition", "ny-bog", cwd=sample_project)   # no answer on stdin
    assert result.exit_code == 1
    assert "Hvilken mappe skal udgaven samle?" in result.stderr
    assert "Fejl: vælg mappen, udgaven skal samle, med --print-folder" in result.stderr
    assert not (sample_project / "content/editions/ny-bog.yml").exists()
    _no_english(result.output)


def test_a_bad_source_date_epoch_is_a_danish_error(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    for args in (("new", "practice", "x-y"), ("check",), ("status",)):
        result = run_cli(*args, cwd=tmp_path)
        assert result.exit_code == 1, args
        assert "SOURCE_DATE_EPOCH='abc' er ikke et gyldigt tidsstempel" in result.stderr, args
        _no_english(result.output)
    assert not (tmp_path / "content/praksis/x-y.md").exists()
