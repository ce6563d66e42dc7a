"""Kupür on its own: periodic crawls (each followed by enrichment and indexing), weekly and daily
digests, and alert checks, with APScheduler 3 and its jobs stored in the archive's database.

    plan         which jobs the configuration and the sources file ask for
    jobs         the functions the job store names; each hands its work to a contained child
    work         what each job does, inside that child
    containment  child processes with time limits: a crash or a hang fails one run, not the scheduler
    worker       the child's entry point (python -m kupur.scheduler.worker)
    lock         one scheduler per job store
    runner       building, syncing, starting and stopping the scheduler; listing and running jobs
"""

from kupur.scheduler.plan import JobSpec, planned_jobs
from kupur.scheduler.runner import (
    JOBSTORE_TABLE,
    JobInfo,
    build_scheduler,
    list_jobs,
    run_job_now,
    run_scheduler,
    stop_scheduler,
    sync_jobs,
)

__all__ = [
    "JOBSTORE_TABLE",
    "JobInfo",
    "JobSpec",
    "build_scheduler",
    "list_jobs",
    "planned_jobs",
    "run_job_now",
    "run_scheduler",
    "stop_scheduler",
    "sync_jobs",
]
