"""Where votes recompute inline (the demo, the browser tests' server), scikit-learn is imported in
the background as the server starts, so the first vote does not wait seconds for it."""

import sys

from consultations.conversations import tasks


def test_inline_recomputes_warm_up_the_libraries_in_the_background(capsys):
    assert tasks.runs_inline()  # the test settings run tasks inline
    thread = tasks.warm_up()
    assert thread is not None and thread.daemon
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert {"sklearn.cluster", "sklearn.decomposition", "sklearn.metrics"} <= set(sys.modules)
    assert tasks.WARMED_UP in capsys.readouterr().err  # the server's log says when it is done


def test_the_warm_up_can_be_turned_off(settings):
    settings.OPINION_WARM_UP = False
    assert tasks.runs_inline() and tasks.warm_up() is None


def test_a_task_worker_does_the_recomputes_so_servers_import_nothing(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert not tasks.runs_inline()
    assert tasks.warm_up() is None


def test_the_server_warms_up_as_it_loads_the_app():
    """In a subprocess: project.serve installs Twisted's reactor, which this process must not get."""
    import os
    import subprocess

    from django.conf import settings

    script = (
        "from project import serve\n"
        "from consultations.conversations import tasks\n"
        "tasks.warm_up = lambda: print('warmed')\n"
        "cli = serve.GracefulCommandLineInterface()\n"
        "cli.drain_timeout = 1.0\n"
        "cli.load_asgi_app('project.asgi:application')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "project.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["warmed"]
