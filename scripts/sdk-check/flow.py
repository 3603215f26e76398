#!/usr/bin/env python3
"""Drive a full flow against an `ast sandbox` with the official Python SDK (asteroid-odyssey).

Usage: flow.py BASE_URL   (e.g. http://127.0.0.1:8787 — with or without /agents/v2)
Exits non-zero on the first mismatch between what the SDK reads and what the sandbox should answer.
"""
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

from asteroid_odyssey import (AgentsApi, ApiClient, ApiException, Configuration, ContextApi, ExecutionApi, FilesApi,
                              ProfileGroupsApi, ProfilesApi, WorkflowsApi, WorkflowVersionsApi)
from asteroid_odyssey.models import (AgentsAgentExecuteAgentRequest, AgentsExecutionRerunExecutionRequest,
                                     WorkflowsWorkflowExecuteSyncRequest)

TERMINAL = {"completed", "failed", "cancelled"}
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)


def status_of(execution):
    return getattr(execution.status, "value", execution.status)


def expect_error(call, status, what):
    try:
        call()
    except ApiException as error:
        check(error.status == status, f"{what}: expected HTTP {status}, got {error.status} {error.body}")
        return error
    check(False, f"{what}: expected HTTP {status}, the call succeeded")


def wait_until(executions, execution_id, predicate, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        execution = executions.execution_get(execution_id)
        if predicate(execution):
            return execution
        time.sleep(0.05)
    check(False, f"timed out waiting for {what}")


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8787"
    if host.endswith("/agents/v2"):
        host = host[: -len("/agents/v2")]
    config = Configuration(host=host, api_key={"ApiKeyAuth": "sdk-check-key"})
    with ApiClient(config) as client:
        executions = ExecutionApi(client)
        agents = AgentsApi(client)
        workflows = WorkflowsApi(client)

        # List: the envelope and the defaults.
        first = executions.executions_list()
        check(first.page == 1 and first.page_size == 10 and len(first.items) == 10, "default page 1, pageSize 10")
        check(first.total > 10, "demo data present")
        created = [e.created_at for e in first.items]
        check(created == sorted(created, reverse=True), "default sort is created_at desc")

        # Filters the SDK can send.
        failed = executions.executions_list(status=["failed", "cancelled"], page_size=100)
        check(all(status_of(e) in {"failed", "cancelled"} for e in failed.items), "status OR filter")
        timeouts = executions.executions_list(outcome_label="TIMEOUT", page_size=100)
        check(timeouts.total > 0, "some outcomes contain timeout")
        check(all("timeout" in e.execution_result.outcome.lower() for e in timeouts.items), "outcomeLabel filter")
        staging = executions.executions_list(metadata_key="env", metadata_value="staging", page_size=100)
        check(all(e.metadata.get("env") == "staging" for e in staging.items), "metadata pair filter")
        pairs = executions.executions_list(metadata=["env=prod", "customer=acme"], page_size=100)
        check(all(e.metadata["env"] == "prod" and e.metadata["customer"] == "acme" for e in pairs.items), "metadata list")
        week = executions.executions_list(created_within="7d", page_size=100)
        cutoff = datetime.now(timezone.utc) - timedelta(days=8)
        check(all(e.created_at >= cutoff for e in week.items), "createdWithin filter")
        ascending = executions.executions_list(sort="created_at:asc", page_size=50)
        check([e.created_at for e in ascending.items] == sorted(e.created_at for e in ascending.items), "sort asc")
        by_status = executions.executions_list(sort_field="status", sort_direction="asc", page_size=100)
        statuses = [status_of(e) for e in by_status.items]
        check(statuses == sorted(statuses), "sortField=status asc")
        terminal = executions.executions_list(phase=["terminal"], page_size=100)
        check(all(status_of(e) in TERMINAL for e in terminal.items), "phase filter")
        beyond = executions.executions_list(page=10_000, page_size=100)
        check(beyond.items == [] and beyond.total == first.total, "beyond the last page")

        # Get.
        one = executions.execution_get(first.items[0].id)
        check(one.id == first.items[0].id and one.workflow_name and one.workflow_version_id, "get with newest fields")
        check(one.agent_id == one.workflow_id, "agentId mirrors workflowId")
        expect_error(lambda: executions.execution_get(str(uuid.uuid4())), 404, "unknown execution")
        error = expect_error(lambda: executions.execution_get("not-a-uuid"), 400, "malformed id")
        check("executionId" in (error.body or ""), "400 names executionId")

        # Agents and execute.
        agent_page = agents.agent_list(page_size=100)
        names = {a.name: a.id for a in agent_page.items}
        check("Invoice Processor" in names and len(names) == 6, "six demo agents")
        workflow_page = workflows.workflow_list(page_size=100)
        check({w.id for w in workflow_page.items} == set(names.values()), "workflows mirror agents")
        run_tag = str(uuid.uuid4())
        body = AgentsAgentExecuteAgentRequest(inputs={"invoiceNumber": "INV-SDK"}, metadata={"sdk-check": run_tag})
        started = agents.agent_execute_post(names["Invoice Processor"], body)
        execution_id = started.execution_id
        done = wait_until(executions, execution_id, lambda e: status_of(e) in TERMINAL, "the run to finish")
        check(status_of(done) == "completed" and done.execution_result.outcome == "success", "execute → completed")
        check(done.started_at is not None and done.terminal_at is not None, "timestamps on a finished run")
        synced = executions.execution_sync_get(execution_id, timeout_seconds=5)
        check(status_of(synced) == "completed", "sync on a terminal execution")

        activities = executions.execution_activities_get(execution_id, order="asc")
        kinds = [a.payload.actual_instance.activity_type for a in activities]
        for kind in ["status_changed", "step_started", "action_started", "action_completed", "terminal"]:
            check(kind in [getattr(k, "value", k) for k in kinds], f"activity {kind} present")
        limited = executions.execution_activities_get(execution_id, order="desc", limit=2)
        check(len(limited) == 2, "activities limit")

        # Rerun and find the new execution.
        rerun = executions.execution_rerun(execution_id, AgentsExecutionRerunExecutionRequest(inputs={"invoiceNumber": "INV-2"}))
        child = executions.execution_get(rerun.execution_id)
        check(child.parent_execution_id == execution_id, "rerun links the parent")
        check(executions.execution_get(execution_id).has_been_rerun, "original marked as rerun")
        check(child.inputs == {"invoiceNumber": "INV-2"}, "rerun takes new inputs")
        tagged = executions.executions_list(metadata_key="sdk-check", metadata_value=run_tag)
        check({e.id for e in tagged.items} == {execution_id, rerun.execution_id}, "find both runs by metadata")

        # Outcome rule: fail.
        failing = agents.agent_execute_post(names["Price Monitor"], AgentsAgentExecuteAgentRequest(inputs={"fail": True}))
        failed_run = wait_until(executions, failing.execution_id, lambda e: status_of(e) in TERMINAL, "the failing run")
        check(status_of(failed_run) == "failed" and failed_run.execution_result.outcome == "failure", "fail rule")

        # Transitions and their errors.
        expect_error(lambda: executions.execution_pause(execution_id), 400, "pause a completed execution")
        expect_error(lambda: executions.execution_cancel(execution_id), 400, "cancel a completed execution")
        live = agents.agent_execute_post(names["Shipment Tracker"], AgentsAgentExecuteAgentRequest(inputs={}))
        wait_until(executions, live.execution_id, lambda e: status_of(e) == "running", "running")
        expect_error(lambda: executions.execution_resume(live.execution_id), 400, "resume a running execution")
        paused = executions.execution_pause(live.execution_id)
        check(getattr(paused.status, "value", paused.status) == "paused", "pause → paused")
        added = executions.execution_user_messages_add(live.execution_id, {"message": "hello from the SDK"})
        check("User message added." in str(added), "user message")
        resumed = executions.execution_resume(live.execution_id)
        check(getattr(resumed.status, "value", resumed.status) == "running", "resume → running")
        cancelled = executions.execution_cancel(live.execution_id)
        check(getattr(cancelled.status, "value", cancelled.status) == "cancelled", "cancel → cancelled")
        expect_error(lambda: executions.execution_resume(live.execution_id), 400, "resume a cancelled execution")
        feed = executions.execution_activities_get(live.execution_id)
        kinds = [getattr(a.payload.actual_instance.activity_type, "value", a.payload.actual_instance.activity_type) for a in feed]
        check("user_message_received" in kinds, "user message in activities")

        # Delete: terminal only, then gone.
        executions.execution_delete(failing.execution_id)
        expect_error(lambda: executions.execution_get(failing.execution_id), 404, "deleted execution")

        resources(client, executions, names)

        # Validation the SDK lets through.
        expect_error(lambda: executions.executions_list(page_size=500), 400, "pageSize 500")
        expect_error(lambda: executions.executions_list(metadata_key="env"), 400, "metadataKey alone")

    print(f"sdk-check: {checks} checks passed against {host}")


def resources(client, executions, names):
    """Files, workflows and versions, profiles and groups, identity (issue 16)."""
    files_api, versions_api = FilesApi(client), WorkflowVersionsApi(client)
    workflows, profiles_api, groups_api, context_api = WorkflowsApi(client), ProfilesApi(client), ProfileGroupsApi(client), ContextApi(client)

    # Files of a finished run, by directory; the download redirect (303) is followed to the signed URL.
    failed = executions.executions_list(status=["failed"], page_size=20)
    run = next(e for e in failed.items if e.started_at is not None)
    listing = files_api.execution_files_get(run.id)
    dirs = listing.directories
    every = [f for d in ("uploads", "downloads", "workspace", "shared", "debug", "tracing") for f in (getattr(dirs, d) or [])]
    check(len(every) >= 2 and all(f.execution_id == run.id and f.file_size > 0 for f in every), "execution files listed")
    check(dirs.tracing and len(dirs.tracing) == 1, "a failed run has a trace")
    raw = files_api.execution_file_download_redirect_without_preload_content(run.id, every[0].id)
    check(raw.status == 200 and len(raw.data) == every[0].file_size, "download follows the 303 to the bytes")
    expect_error(lambda: files_api.execution_files_get(str(uuid.uuid4())), 404, "files of an unknown execution")

    # Context files: upload to a running execution, then list.
    live = AgentsApi(client).agent_execute_post(names["Shipment Tracker"], AgentsAgentExecuteAgentRequest(inputs={}))
    wait_until(executions, live.execution_id, lambda e: status_of(e) == "running", "running for context files")
    uploaded = files_api.execution_context_files_upload(live.execution_id, [("notes.txt", b"hello sdk")])
    check("Files uploaded." in str(uploaded), "context files uploaded")
    context_files = files_api.execution_context_files_get(live.execution_id)
    check([f.file_name for f in context_files] == ["notes.txt"] and context_files[0].file_size == 9, "context files listed")
    executions.execution_cancel(live.execution_id)

    # Workflow versions and inputs; execute/sync through the workflows route.
    invoice = names["Invoice Processor"]
    versions = versions_api.workflow_versions_list(invoice)
    check(sum(1 for v in versions if v.is_published) == 1, "one published version")
    inputs = versions_api.workflow_versions_get_inputs(invoice, versions[-1].id)
    check({i.name for i in inputs.inputs} >= {"invoiceNumber", "vendor"}, "version inputs")
    synced = workflows.workflow_execute_sync_post(invoice, WorkflowsWorkflowExecuteSyncRequest(inputs={"invoiceNumber": "INV-SYNC"}, timeout_seconds=25))
    check(status_of(synced) == "completed", "workflow execute/sync finishes")

    # Profiles, profile groups, clearing a browser cache.
    profiles = profiles_api.profiles_list(page_size=100)
    check(profiles.total == 3 and all(p.inbox_email for p in profiles.items), "profiles listed")
    check([p.name for p in profiles_api.profiles_list(search_name="finance").items] == ["Logged-in finance account"], "profile search")
    groups = groups_api.profile_groups_list()
    check(groups.total == 2, "profile groups listed")
    cleared = profiles_api.profile_clear_browser_cache(profiles.items[0].id)
    check(cleared.message == "Browser cache cleared.", "browser cache cleared")
    expect_error(lambda: profiles_api.profile_clear_browser_cache(str(uuid.uuid4())), 404, "clear an unknown profile")

    # Identity: /users/v2/whoami (outside /agents/v2) and /context.
    me = context_api.whoami_get()
    check(getattr(me.kind, "value", me.kind) == "person" and me.person is not None, "whoami")
    context = context_api.context_get()
    check(len(context.organizations) == 2 and context.email == me.person.email, "context lists the organizations")

    # Array parameters as repeated keys.
    sourced = executions.executions_list(trigger_source=["api", "ui"], page_size=100)
    check(all(e.trigger_context is None or e.trigger_context.actual_instance.source in ("api", "ui") for e in sourced.items), "triggerSource list")


if __name__ == "__main__":
    main()
