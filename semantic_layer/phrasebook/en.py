"""English: every user-facing text of the catalogue, by section and key.

`semantic_layer.phrasebook.section(name)[lang]` reads a section; the other language's module has
exactly the same sections and keys (tests/test_phrasebook.py); a language may leave out a
`{placeholder}` it need not say. A third language is one more module like this one.
"""

from __future__ import annotations

from typing import Final

from semantic_layer.phrasebook.grammar import Grammar

PLAN: Final[dict[str, str]] = {
    "the_journey": "the {label}",
    "filters": "where {parts}",
    # metric
    "grain": "{grain} {what}",
    "by_one": "{what} by {dims}",
    "by_many": "{what} by {dims}",
    "compared": "compared with {period}",
    "top": "top {limit} by {by}",
    "bottom": "bottom {limit} by {by}",
    "order_desc": "highest {by} first",
    "order_asc": "lowest {by} first",
    "rows": "at most {limit} rows",
    "channel_rule": "each user counted under their {rule} channel",
    # funnel, drop-off
    "conversion": "conversion through {journey}{window}",
    "time_to_convert": "time to convert through {journey}{window}",
    "window": " within {days} days",
    "breakdown": "by {dim}",
    "lost": "users lost at each step of {journey}{window}",
    "ranked": "ranked",
    "top_steps": "ranked, top {limit} steps",
    "top_step": "the step that lost the most",
    # paths
    "next_after": "the touchpoints right after {anchor} in the same session",
    "next_before": "the touchpoints right before {anchor} in the same session",
    "paths_after": "the most common {depth}-step paths after {anchor} in the same session",
    "paths_before": "the most common {depth}-step paths before {anchor} in the same session",
    "top_next": "top {limit}",
    "top_paths": "top {limit}",
    "gap": "sessions split at {gap}-minute gaps",
    # retention
    "retention": "{grain} retention over {periods} {unit} of users by their first {first}, {when}",
    "any_event": "event",
    "first_touchpoint": "{touchpoint}",
    "returns": "counting returns to {touchpoint}",
    # attribution
    "attributed": "{value} attributed to {by} {model}",
    "by_model": "by {model} attribution",
    "every_model": "under each attribution model",
    "half_life": "{model} (half-life {days} days)",
    "conversions": "conversions",
    "touchpoint_conversions": "{touchpoint} conversions",
    "revenue": "revenue",
    "lookback": "{days}-day lookback",
    # drivers
    "drivers": "what drove the change in {metric} from {before} to {after}",
    "split": "by {dims}",
    "split_all": "across every dimension",
    "segments": "top {limit} segments",
    # the others
    "sql": "custom SQL (unverified): {rationale}",
    "clarify": "needs clarification: {reason} ({options}?)",
    "unsupported": "cannot be answered from the data: {reason}",
    "needs": " (needs: {missing})",
    "or": "or",
}

PLAN_WORDS: Final[dict[str, str]] = {
    "compared_previous_period": "the previous period",
    "compared_same_period_last_year": "the same period last year",
    "and": "and",
    "default_journey": "the default journey",
    "filter_sep": ", ",
    "filter_last": " and ",
    "or_values": "or",
    "nor_values": "or",
    "true": "true",
    "false": "false",
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
    "days": "days",
    "weeks": "weeks",
    "months": "months",
    "quarters": "quarters",
    "first_touch": "first-touch",
    "last_touch": "last-touch",
    "linear": "linear",
    "time_decay": "time-decay",
    "position_based": "position-based (40/20/40)",
    "markov": "data-driven (Markov)",
    "channel": "channels",
    "touchpoint": "touchpoints",
    "cohort_day": "daily",
    "cohort_week": "weekly",
    "cohort_month": "monthly",
    "cohort_quarter": "quarterly",
}

PLAN_OPS: Final[dict[str, str]] = {
    "=": "{d} is {v}",
    "!=": "{d} is not {v}",
    "in": "{d} is {v}",
    "not_in": "{d} is not {v}",
    ">": "{d} > {v}",
    ">=": "{d} ≥ {v}",
    "<": "{d} < {v}",
    "<=": "{d} ≤ {v}",
}

ANSWER: Final[dict[str, str]] = {
    "ask_next": "You could ask next:",
    "cli_minutes": "min",
    "cli_hours": "h",
    "combination": "{names} combination",
    "incomplete": "incomplete: {covered} of {days} days",
    "llm_sql_unverified": (
        "This SQL was written by the LLM outside the semantic layer: it is unverified."
    ),
    "when_all": "over all the data ({label})",
    "within": "in {label}",
    # shared
    "when_rel": "{phrase} ({label})",
    "when_in": "in {label}",
    "when_on": "on {label}",
    "over": "over the {phrase}",
    "before_rel": "{phrase} ({label})",
    "no_value_of": "(no {dim})",
    "filters": "Filter: {filters}.",
    "truncated": "The table shows the first {n} rows.",
    "better": ", an improvement",
    "worse": ", a change for the worse",
    "up": "up {amount}",
    "down": "down {amount}",
    "flat": "unchanged",
    "rule": "Each user is counted under the {dim} of their {rule} in the range.",
    # metric
    "single": "{metric} was {value} {when}.",
    "single_cmp": "{metric} was {value} {when}, {move} from {previous} {before}{verdict}.",
    "single_nobase": "{metric} was {value} {when}; {before} has no value to compare with.",
    "single_empty": "There is no {metric} value {when}: no data matched.",
    "several": "{when}: {items}.",
    "item": "{metric} {value}",
    "item_cmp": "{metric} {value} ({move})",
    "rank_desc": "{top} has the highest {metric} {when}: {value}",
    "rank_asc": "{top} has the lowest {metric} {when}: {value}",
    "rank_only": "{top} is the only {dim} with {metric} {when}: {value}.",
    "ahead": ", ahead of {second} ({value}).",
    "then": ", followed by {second} ({value}).",
    "end": ".",
    "lowest": "{name} is the lowest of the {n} compared ({value}).",
    "highest": "{name} is the highest of the {n} compared ({value}).",
    "moves": "Compared with {before}, {gainer} rose the most ({gain}) and {loser} fell the most"
    " ({loss}).",
    "gain_only": "Compared with {before}, {gainer} rose the most ({gain}); none fell.",
    "loss_only": "Compared with {before}, {loser} fell the most ({loss}); none rose.",
    "no_moves": "Compared with {before}, no {dim} changed.",
    "series": "{grainly} {metric} {when}: {last} in the latest {grain} ({last_label}), {move} from"
    " {first} in the first ({first_label}); the peak was {peak} ({peak_label}).",
    "series_one": "{grainly} {metric} {when}: {value} ({label}).",
    "series_also": "Latest {grain}: {items}.",
    "partial_one": "{periods} is incomplete, so the comparison uses complete {grains} only.",
    "partial_many": "{periods} are incomplete, so the comparison uses complete {grains} only.",
    "partial_kept": "{periods} {verb} incomplete; with fewer than two complete {grains} the"
    " comparison includes {them}.",
    "partial_only": "{periods} is incomplete.",
    "links": "{dim} is matched across the data: {items}.",
    "zero_num": "{names} had {den} but no {num} ({value}).",
    "no_base": "{names} had no {den}, so there is no {metric} for them.",
    "small_base": "Small base, read with care: {items} (under {least}).",
    "small_item": "{name} rests on {n} {base}",
    "people_steps": "Only steps that happened with that {dim} count.",
    "link_item": "{what} by {column}",
    "people_touch": "People are picked by the {dim} of their {rule} in the range; every step they"
    " took counts, whatever its {dim}.",
    "people_entry": "People are picked by the {dim} of the event that entered the {what}; every"
    " later step counts, whatever its {dim}.",
    "partial_latest": "{periods} is incomplete, so the latest complete {grain} is used.",
    "partial_latest_many": "{periods} are incomplete, so the latest complete {grain} is used.",
    "partial_item": "{label} ({covered} of {days} days)",
    "series_by": "{grainly} {metric} by {dim} {when}.",
    "series_latest": "In the latest {grain} ({label}), {top} had the highest {metric}: {value}",
    "empty_metric": "No data matched {metrics} {when}.",
    # funnel, drop-off
    "journey_named": "the {label}",
    "journey_steps": "the funnel {steps}",
    "funnel": "Of {entrants} users who started {journey} {when}, {converted} reached {last}"
    " within the {window}-day window: {rate} overall.",
    "biggest_drop": "The biggest drop was after {step}: {lost} of {reached} who reached it"
    " ({rate}) did not go on to {next}.",
    "funnel_empty": "No users entered {journey} {when}.",
    "funnel_by": "Within the {window}-day window, conversion through {journey} {when} was"
    " highest for {best} ({best_rate}, {best_conv} of {best_n}) and lowest for {worst}"
    " ({worst_rate}, {worst_conv} of {worst_n}), across the {n} {dim} groups compared.",
    "funnel_by_one": "Within the {window}-day window, conversion through {journey} {when} for"
    " {best} was {best_rate}: {best_conv} of {best_n}.",
    "overall": "Overall: {conv} of {n} ({rate}).",
    "ttc": "{conv} of {n} users who started {journey} {when} converted within the {window}-day"
    " window ({rate}): median time to convert {median}, 90th percentile {p90}.",
    "ttc_total": "{conv} of {n} users who started {journey} {when} converted within the"
    " {window}-day window ({rate}).",
    "ttc_none": "None of the {n} users who started {journey} {when} converted within the"
    " {window}-day window.",
    "ttc_spread": "Fastest: {fast} (median {fast_median}); slowest: {slow} (median {slow_median}).",
    "dropoff": "{step} lost the most users in {journey} {when}: {lost} of {reached} who reached"
    " it ({rate}) did not go on to {next} within {window} days.",
    "dropoff_rate": "{step} has the highest drop-off rate in {journey} {when}: {rate} — {lost} of"
    " {reached} who reached it did not go on to {next} within {window} days.",
    "dropoff_next": "Next: {items}.",
    "dropoff_item": "{step} ({lost} of {reached}, {rate})",
    "dropoff_none": "No users were lost between the steps of {journey} {when}.",
    "in_segment": "{step} ({segment})",
    "dropoff_one_segment": "Everyone who started {journey} came through {segment}.",
    # paths
    "next_after": "Right after {anchor} {when}, the most common next step was {top}: {share} of"
    " {total} visits.",
    "next_before": "Right before {anchor} {when}, the most common previous step was {top}:"
    " {share} of {total} visits.",
    "exit_top": "Most visits to {anchor} {when} ended the session there: {share} of {total}.",
    "start_top": "Most visits to {anchor} {when} started the session there: {share} of {total}.",
    "then_next": "The most common next step was {top} ({share}).",
    "then_prev": "The most common previous step was {top} ({share}).",
    "exit_note": "{share} of visits ended the session at {anchor}.",
    "start_note": "{share} of visits started the session at {anchor}.",
    "others": "Then: {items}.",
    "share_item": "{name} ({share})",
    "path_top": "The most common path {direction} {anchor} {when} was {path}: {share} of {total}"
    " visits.",
    "path_alone_after": "Most often {when} the session ended at {anchor} ({share} of {total}"
    " visits); the most common longer path was {path} ({share2}).",
    "path_alone_before": "Most often {when} the session started at {anchor} ({share} of {total}"
    " visits); the most common longer path was {path} ({share2}).",
    "after": "after",
    "before": "before",
    "paths_empty": "No sessions reached {anchor} {when}.",
    # retention
    "retention": "{n} {grainly} cohorts {when}, {size} users: on average {r1} came back"
    " {in_grain} {k1} and {rk} {in_grain} {k}.",
    "retention_one": "{n} {grainly} cohorts {when}, {size} users: on average {r1} came back"
    " {in_grain} {k1}.",
    "retention_best": "The best cohort was {cohort} ({rate} {in_grain} {k1}).",
    "retention_young": "{n} {grainly} cohorts {when}, {size} users, but no later {grain} has"
    " ended yet.",
    "retention_empty": "No users had a first qualifying event {when}.",
    # attribution
    "attr": "Under {model} attribution, {top} gets the most credit for {conversions} {when}:"
    " {credit} of {total} ({share})",
    "attr_agree": "{top} gets the most credit for {conversions} {when} under every attribution"
    " model: {low}–{high} of the total.",
    "attr_disagree": "The attribution models disagree on what gets the most credit for"
    " {conversions} {when}: {items}.",
    "attr_item": "{key} under {models} ({shares})",
    "attr_spread": "They differ most on {key}: {high} under {high_model} vs {low} under"
    " {low_model}.",
    "attr_lookback": "Touches in the {days} days before each conversion count.",
    "attr_empty": "There were no {conversions} to attribute {when}.",
    "attr_missing": "({model} credits were not computed; showing {used}.)",
    "purchases": "purchases",
    "conversions_of": "{touchpoint} conversions",
    "revenue": "revenue",
    # drivers
    "drivers": "{metric} {moved} {amount} from {before} to {when}{verdict}.",
    "drivers_flat": "{metric} did not change from {before} to {when}.",
    "rose": "rose by",
    "fell": "fell by",
    "explains": "{segment} ({dim}) contributed {amount} of the {total} {change}{share}: its own"
    " {metric} went from {previous} to {value}.",
    "offsets": "{segment} ({dim}) moved against it ({amount} of the {total} {change}): its own"
    " {metric} went from {previous} to {value}.",
    "share_part": " ({share} of it)",
    "share_more": ", more than the whole {change}, as other segments moved the other way",
    "moved_most": "{segment} ({dim}) moved the most: {amount}; its own {metric} went from"
    " {previous} to {value}.",
    "drivers_segments": "The segments whose {metric} changed most from {before} to {when}:"
    " {items}.",
    "drivers_move": "{segment} ({dim}, {previous} → {value})",
    "drivers_next": "Next: {items}.",
    "drivers_item": "{segment} ({dim}, {amount})",
    "drivers_note": "Each dimension's contributions add up to the whole change.",
    "left_out": "Left out: {items}.",
    "change_none": "{metric} stayed within its range of the previous {n} {grains} ({range}):"
    " no lasting change.",
    "change_at": "{metric} moved {side} its earlier range ({range}) in the {period} and stayed"
    " there.",
    "change_focus": "{metric} moved {side} its earlier range ({range}) in the {period} and stayed"
    " there, so the {n} days since ({since}) are compared with the {n} days before ({before}):"
    " the period asked about and the one before it both came after the change.",
    "above": "above",
    "below": "below",
    "left_segments": "{n} segments too small to read (under {least}, or under 5% of their"
    " dimension) or without a value in both periods",
    "left_segment": "1 segment too small to read (under {least}, or under 5% of its dimension)"
    " or without a value in both periods",
    "left_dimensions": "{n} dimensions with a single value (or only none)",
    "left_dimension": "1 dimension with a single value (or only none)",
    "rise": "rise",
    "drop": "drop",
    "drivers_empty": "There is no {metric} data to explain a change {when}.",
    # sql and the others
    "sql_rows": "The query returned {n} rows. First row: {summary}.",
    "sql_row": "The query returned 1 row: {summary}.",
    "sql_none": "The query returned no rows.",
    "sql_unverified": "Unverified: this comes from custom SQL, not the semantic layer's checked"
    " definitions, so check it before relying on it.",
    "cell": "{column} = {value}",
}

ANSWER_WORDS: Final[dict[str, str]] = {
    "links_sep": ", ",
    "links_last": " and ",
    "first_touch": "first touch",
    "last_touch": "last touch",
    "channel": "channel",
    "touchpoint": "touchpoint",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "day_ly": "daily",
    "week_ly": "weekly",
    "month_ly": "monthly",
    "quarter_ly": "quarterly",
    "year_ly": "yearly",
    "day_pl": "days",
    "week_pl": "weeks",
    "month_pl": "months",
    "quarter_pl": "quarters",
    "year_pl": "years",
    "week_of": "week of {day}",
    "in_day": "on day",
    "in_week": "in week",
    "in_month": "in month",
    "in_quarter": "in quarter",
    "cohort_day": "daily",
    "cohort_week": "weekly",
    "cohort_month": "monthly",
    "cohort_quarter": "quarterly",
    "model_first_touch": "first-touch",
    "model_last_touch": "last-touch",
    "model_linear": "linear",
    "model_time_decay": "time-decay ({days}-day half-life)",
    "model_position_based": "position-based (40/20/40)",
    "model_markov": "data-driven (Markov)",
    "exit": "end of session",
    "start": "start of session",
    "before_day": "the day before",
    "before_week": "the week before",
    "before_month": "the month before",
    "before_quarter": "the quarter before",
    "before_year": "the year before",
    "before_period": "the previous period",
    "before_last_year": "the same period last year",
    "times": "times",
    "journey": "journey",
    "analysis": "analysis",
}

ANSWER_UNITS: Final[dict[str, str]] = {
    "min": " min",
    "h": " h",
    "day": " days",
    "pts": " pts",
    "na": "n/a",
}

ANSWER_BASES: Final[dict[str, str]] = {
    "reached": "reached {tp}",
    "at": "at {tp}",
    "n": "{label} (n)",
}

FAILURE_REASONS: Final[dict[str, str]] = {
    "denied_role": "{name} ('{id}') is not available to the role '{role}'.",
    "denied": "{detail}",
    "detail_then": "{detail}. {advice}",
    "then_detail": "{advice} ({detail})",
    "unexplained": "{detail}",
    "unreachable_dimension": "{metric} cannot be split by {dim}: {dim} is recorded in the"
    " {home} data, and {metric} is computed from the {tables} data, which the model does not"
    " link to it.",
    "unknown": "The model has no {what} called “{name}”.{hint}",
    "hint": " Did you mean {names}?",
    "unknown_role": "There is no role called “{name}”.",
    "time": "That period cannot be used: {detail}",
    "sql_refused": "The safety rules refused it.",
    "query_timeout": "Ask for a shorter period or fewer breakdowns.",
    "query_invalid": "The database could not run the query.",
    "database_unavailable": "Try again shortly.",
    "understood": "I understood: {interpretation}.",
    "metric": "metric",
    "dimension": "dimension",
    "touchpoint": "touchpoint",
    "journey": "journey",
    "measure": "measure",
    "table": "table",
}

FAILURE_ASK: Final[dict[str, str]] = {
    "alone": "{metric} {time}",
    "by": "{metric} by {dim} {time}",
}

SUGGEST: Final[dict[str, str]] = {
    "why": "why did {metric} change {time}?",
    "by": "{metric} by {dim} {time}",
    "by_grain": "{metric} by {dim} by {grain} {time}",
    "trend_day": "daily {metric} over the last 30 days",
    "trend_week": "weekly {metric} over the last 8 weeks",
    "trend_month": "monthly {metric} over the last 6 months",
    "after": "what do users do after {tp} {time}?",
    "before": "what do users do before {tp} {time}?",
    "top_paths": "most common paths after {tp} {time}",
    "funnel": "{journey} funnel {time}",
    "funnel_by": "{journey} by {dim} {time}",
    "dropoff": "which touchpoint lost the most users in the {journey} {time}",
    "ttc": "time to convert through the {journey} {time}",
    "retention": "{grainly} retention",
    "retention_of": "{grainly} retention of users acquired on the {value}",
    "attr_by": "which {by} contributes most to {value} {time}",
    "attr_all": "compare attribution models for {value} {time}",
    "attr_markov": "which {by} contributes most to {value} under data-driven attribution {time}",
    "purchases": "purchases",
    "revenue": "revenue",
    "channel": "channel",
    "touchpoint": "touchpoint",
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "by_day": "day",
    "by_week": "week",
    "by_month": "month",
    "between": "from {first} to {last}",
    "since": "since {first}",
    "on": "on {time}",
    "in": "in {time}",
}

BOTS: Final[dict[str, str]] = {
    "file_hint": 'Reply "excel" or "csv" to get the table as a file.',
    "computed": "What was computed",
    "note": "Note",
    "next": "You could also ask",
    "sorry": "Sorry, something went wrong while answering. Please try again.",
    "no_role": (
        "You have no access role here yet: ask the administrator to map your user or channel "
        "to a role (TPA_BOTS_ROLES)."
    ),
    "no_table": (
        "There is no answer with a table in this conversation yet: ask a question, then reply "
        '"excel" or "csv".'
    ),
}

CHAT: Final[dict[str, str]] = {
    "duration_minutes": " min",  # a table cell's unit (ui/chat/cells.py)
    "duration_hours": " h",
    "multiple": "×",
    "title": "Touchpoint Assistant",
    "subtitle": "Ask how customers move through your touchpoints, in English or Chinese.",
    "welcome": "Ask a question below, or pick an example from the side panel.",
    "language": "Interface language",
    "question": "Your question",
    "placeholder": "e.g. which touchpoint lost the most users last week",
    "send": "Ask",
    "new": "New conversation",
    "you": "You",
    "table": "Table",
    "sql": "SQL",
    "interpretation": "Computed",
    "suggestions": "Follow-up questions",
    "choices": "Did you mean",
    "rows_capped": "Showing the first {n:,} rows; the result was cut at the row limit.",
    "unverified": "Unverified: this SQL was written by the language model, not the semantic layer.",
    "up": "Helpful",
    "down": "Not helpful",
    "thanks_saved": "Thanks — proposed as an example; a reviewer checks it before it is reused.",
    "thanks_approved": "Thanks — approved as an example for your role (you review examples).",
    "signed_out": "You are signed out: reload the page and sign in again.",
    "thanks": "Thanks for the feedback.",
    "feedback_failed": "The feedback could not be saved: {reason}",
    "failed": "Something went wrong while answering; please try again or rephrase the question.",
    "catalog": "What you can ask about",
    "metrics": "Metrics",
    "dimensions": "Dimensions",
    "touchpoints": "Touchpoints",
    "journeys": "Journeys",
    "examples": "Example questions",
    "default_journey": "default",
    "open_chat": "Open the chat",
    "chart": "Chart",
    "download_csv": "CSV",
    "download_xlsx": "Excel",
    "link": "Link to this answer",
    "users": "User ids behind",
    "this_number": "this number",
    "review_title": "Examples to review ({n})",
    "review_help": (
        "Thumbs-up answers others proposed. Approved ones are reused for similar questions "
        "of their role; rejected ones never are."
    ),
    "review_none": "Nothing waits for review.",
    "review_more": "{n} more — `tpa examples list` shows them all.",
    "review_plan": "Plan: ",
    "review_saved": "Saved by {who} (role {role}), {when}",
    "saved_by_chat": "the chat (no sign-in)",
    "saved_by_key": "API key {fingerprint}…",
    "approve": "Approve",
    "reject": "Reject",
    "review_refresh": "Refresh the list",
    "review_approved": "Approved: “{question}” is now reused for the {role} role.",
    "review_rejected": "Rejected: “{question}” will not be reused.",
    "review_already": "Someone already decided on this example ({status}).",
    "review_failed": "The review was not saved: {reason}",
    "review_denied": "Your role may not review examples.",
    "status_pending": "pending",
    "status_approved": "approved",
    "status_rejected": "rejected",
    "plan_unreadable": "{kind} ({fields}) — no longer fits the model",
}

CHAT_STAGES: Final[dict[str, str]] = {
    "understanding": "Understanding…",
    "querying": "Querying…",
    "answering": "Answering…",
}

CHAT_GROUPS: Final[dict[str, str]] = {
    "marketing": "Marketing",
    "operations": "Operations",
    "sales": "Sales",
    "product": "Product",
    "service": "Customer service",
}

SERVICE: Final[dict[str, str]] = {
    "outside_data": "The data covers {span}; {period} is outside it.",
    "incomplete": "The period has no complete day of data yet (data ends yesterday).",
    "never_met": "The data has no {metric} at all where {dimension} is {values}: this may not be "
    "what you asked (those may be counted by another metric).",
    "unexpected": "this question could not be processed ({what}): rephrase it or ask something "
    "simpler.",
}

UNDERSTAND: Final[dict[str, str]] = {
    "no_llm": "No LLM is configured (set TPA_LLM_BASE_URL and TPA_LLM_MODEL); the built-in "
    "planner answered.",
    "fallback": "The LLM endpoint {why}; the built-in planner answered instead.",
    "builtin": "built-in planner",  # in no_llm and fallback: how /metrics counts fallbacks
    "why_llm_timeout": "did not answer in time",
    "why_llm_unreachable": "could not be reached",
    "why_llm_http_error": "returned an error",
    "why_llm_bad_output": "returned output that is not a plan",
    "why_llm_invalid_plan": "kept returning invalid plans",
    "why_other": "failed",
    "http_status": "returned HTTP {status}",
    "why_with_hint": "{why} ({hint})",
    "hint_401": "check TPA_LLM_API_KEY",
    "hint_403": "check TPA_LLM_API_KEY",
    "hint_404": "check TPA_LLM_BASE_URL and TPA_LLM_MODEL",
    "hint_429": "it is rate limited",
}

API: Final[dict[str, str]] = {  # the HTTP API's error messages (ui/api, ui/requests.py)
    "no_keys": "no API keys are configured: set TPA_API_KEYS",
    "key_required": "a valid API key is required (Authorization: Bearer KEY)",
    "key_invalid": "the API key is not valid",
    "sign_in_or_key": "sign in or pass an API key to open this link",
    "rate_limited": "over {n} requests a minute: slow down",
    "rate_limited_link": "over {n} requests a minute",
    "internal": "the server failed to answer; the error is logged — try again",
    "no_chart": "this answer has no chart (a single number or no data)",
    "may_not_review": "role '{role}' may not review examples (reviewer: true)",
    "unknown_session": (
        "unknown session '{id}' — start a new session (omit session_id) or use an id "
        "returned by the API"
    ),
    "unknown_answer": "unknown answer '{id}' — use the `id` of an answer returned by /v1/ask",
    "body_too_large": (
        "the request body is over {limit:,} bytes: send less (a question may be at most "
        "{chars:,} characters)"
    ),
    "headers_too_large": "the request headers are over {limit:,} bytes: send fewer or shorter",
    "not_json": "the body is not valid JSON ({why} at character {offset}): {example}",
    "not_object": "the body must be a JSON object (Content-Type: application/json): {example}",
    "empty_body": "the body is empty: {example}",
    "not_unicode": "not valid Unicode text (an unpaired surrogate escape such as \\ud800)",
    "not_utf8": "the body is not UTF-8 (byte 0x{byte:02x} at offset {offset}): {example}",
    "too_deep": "the body's JSON is nested too deeply: {example}",
    "unparsable": "the body could not be parsed: {example}",
    "http_404": "Not Found",
    "http_405": "Method Not Allowed",
    "example": 'send UTF-8 JSON such as {"question": "revenue last week"}',
}

TIME: Final[dict[str, str]] = {  # time words and labels (semantic_layer/timeparts/)
    "today": "today",
    "all_time": "all time",
    "last_n": "last {n} {unit}",
    "since": "since {since}",
    "previous_day": "yesterday",
    "previous_week": "last week",
    "previous_month": "last month",
    "previous_quarter": "last quarter",
    "previous_year": "last year",
    "units_day": "days",
    "units_week": "weeks",
    "units_month": "months",
    "units_quarter": "quarters",
    "units_year": "years",
    "this_week": "this week to date",
    "this_month": "this month to date",
    "this_quarter": "this quarter to date",
    "this_year": "this year to date",
    "to_date": " to date",  # the end of the four above, left out where the range is said
    "day": "{day} {mon} {year}",
    "day_no_year": "{day} {mon}",
    "month": "{label} {year}",
    "quarter": "{label} {year}",
    "year": "{year}",
    "until": "up to {until}",
    "months_across_years": "{head} – {tail}",
    "months_in_year": "{head}–{tail} {year}",
    "days_in_month": "{first_day}–{last}",
    "days_in_year": "{first_short} – {last}",
    "days_across_years": "{first} – {last}",
    "m1": "January",
    "m2": "February",
    "m3": "March",
    "m4": "April",
    "m5": "May",
    "m6": "June",
    "m7": "July",
    "m8": "August",
    "m9": "September",
    "m10": "October",
    "m11": "November",
    "m12": "December",
    "q1": "Q1",
    "q2": "Q2",
    "q3": "Q3",
    "q4": "Q4",
}

QUESTIONS: Final[dict[str, str]] = {  # why a question cannot be read (assistant/questions.py)
    "example": "conversion rate by channel last week",  # offered for a question we cannot read
    "empty": "The question is empty: type a question.",
    "not_utf8": (
        "The question has bytes that are not UTF-8 text (shown as �): type it again, or "
        "paste it as plain text."
    ),
    "controls_one": (
        "The question contains {count} control character (the first is {first} at position "
        "{where}), such as NUL or terminal escape codes, which are not text: type it again, "
        "or paste it as plain text."
    ),
    "controls_many": (
        "The question contains {count} control characters (the first is {first} at position "
        "{where}), such as NUL or terminal escape codes, which are not text: type it again, "
        "or paste it as plain text."
    ),
    "too_long": (
        "The question is {length:,} characters long; the limit is {limit:,}. Ask one shorter "
        "question."
    ),
    "no_words": "There are no words in the question to understand.",
    "other_language": (
        "The question looks like {language}. I understand questions in English and Chinese: "
        "ask again in English or Chinese."
    ),
}


LANGUAGES: Final[dict[str, str]] = {  # languages a question may be written in, by English name
    "Japanese": "Japanese",
    "Korean": "Korean",
    "Arabic": "Arabic",
    "Hebrew": "Hebrew",
    "Russian": "Russian",
    "Greek": "Greek",
    "Thai": "Thai",
    "Hindi": "Hindi",
    "French": "French",
    "German": "German",
    "Spanish": "Spanish",
    "Italian": "Italian",
    "Portuguese": "Portuguese",
    "Dutch": "Dutch",
}

WATCH: Final[dict[str, str]] = {  # watches' alerts and digests (assistant/watches/)
    "every_day": "every day",
    "every_week": "every week",
    "watching": "Watching “{question}” ({id}), checked {every}; unusual changes go to {where}.",
    "digest_head": "{title} ({when})",
    "digest_week": "What changed this week",
    "digest_day": "What changed yesterday",
    "digest_empty": "Nothing to compare yet.",
    "conversion": "{first} → {last} conversion",
    "lost_rate": "lost rate at {touchpoint}",
    "rose": "rose",
    "fell": "fell",
    "normal_variation": "within normal variation",
    "digest_item": "{label} {move} to {value} (usually {usual}; {z} robust SDs, {note}).",
    "alert_title": "Watch alert: {label}",
    "extremely_unusual": "extremely unusual",
    "very_unusual": "very unusual",
    "unusual": "unusual",
    "week_of": "the week of {day}",
    "why_no_value": "there is no data for it",
    "why_base_too_small": "too few behind it ({n})",
    "why_short_baseline": "there is not enough history to compare with",
    "skipped": "{label} ({when}) was not judged: {why}.",
    "normal": "{label} was {value} in {when}, within the expected {band} (usually {usual}).",
    "below": "below",
    "above": "above",
    "alert": (
        "⚠ {label} was {value} in {when}, outside the expected {band} (usually {usual}): {z} "
        "robust standard deviations {side} normal ({unusual}), since {since}."
    ),
    "drivers": "\nWhy: {text}\nAsk: {question}",
    "why_question": "why did {label} change in {when}?",
}

WATCH_ERRORS: Final[dict[str, str]] = {  # a bad watch or digest request (assistant/watches/)
    "not_destination": (
        "'{text}' is not a destination: write PLATFORM:ADDRESS with PLATFORM one of {platforms} "
        "(e.g. feishu:oc_1234, slack:C0123, webhook:https://…)"
    ),
    "not_webhook": "the webhook '{address}' is not an http(s) URL",
    "destinations": "give between 1 and {most} destinations (e.g. --to feishu:oc_1234)",
    "not_found": "no watch or digest '{id}': list them with `tpa watch list`",
    "cannot_watch": "this question cannot be watched: {message}",
    "not_watchable": (
        "a '{kind}' answer is not one number per period, so it cannot be watched: watch a "
        'metric ("checkout conversion"), a funnel or a drop-off'
    ),
    "interval": (
        "TPA_WATCH_INTERVAL must be a number of seconds (0 switches it off), not '{text}'"
    ),
    "no_answer": "ask a question first, then say “watch this”",
    "no_destination": "say where to send the alerts, e.g. “watch this → feishu:oc_1234”",
}

COLUMNS: Final[dict[str, str]] = {  # result columns' names (assistant/answer/assemble.py)
    "period": "period",
    "step": "step",
    "touchpoint": "touchpoint",
    "reached": "users reached",
    "conversion": "conversion from step 1",
    "step_conversion": "conversion from previous step",
    "lost": "users lost",
    "lost_rate": "lost rate",
    "segment": "segment",
    "entrants": "users who started",
    "converters": "users who converted",
    "median_hours": "median hours",
    "mean_hours": "mean hours",
    "p90_hours": "90th percentile hours",
    "occurrences": "occurrences",
    "users": "users",
    "share": "share",
    "path": "path",
    "cohort": "cohort",
    "cohort_size": "cohort size",
    "retained": "retained",
    "rate": "rate",
    "key": "key",
    "first_touch": "first touch",
    "last_touch": "last touch",
    "linear": "linear",
    "time_decay": "time decay",
    "position_based": "position based",
    "markov": "Markov (data-driven)",
    "dimension": "dimension",
    "value": "value",
    "value_previous": "previous value",
    "change": "change",
    "contribution": "contribution",
    "rate_effect": "rate effect",
    "mix_effect": "mix effect",
    "share_of_change": "share of change",
    "segments_left_out": "segments left out",
    "dimensions_left_out": "dimensions left out",
    "note": "note",
    "suffix__previous": "previous",
    "suffix__change_pct": "change %",
    "suffix__change": "change",
}

EXPORT: Final[dict[str, str]] = {  # the XLSX export's sheets and about rows
    "none": "(none)",  # a segment without a value
    "sheet_data": "data",
    "sheet_about": "about",
    "question": "question",
    "answer": "answer",
    "computed": "computed",
    "created": "created",
    "answer_id": "answer id",
    "note": "note",
    "truncated": "cut at the row limit",
}

CHART_WORDS: Final[dict[str, str]] = {  # chart titles and legends (answer/charts_base.py)
    "none": "(none)",
    "top": "{title} (top {n})",
    "by": "{what} by {by}",
    "and": " and ",
    "previous_period": "previous period",
    "same_period_last_year": "same period last year",
    "current": "this period",
    "vs": "{what} vs {baseline}",
    "trend": "{what} by {grain}",
    "trend_by": "{what} by {grain} and {by}",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "min": " min",
    "h": " h",
}

CHART_PSEUDO: Final[dict[str, str]] = {  # the pseudo touchpoints of paths, as a chart names them
    "(exit)": "exit",
    "(start)": "start",
    "(entry)": "entry",
}

CHART: Final[dict[str, str]] = {  # chart titles and axes (assistant/answer/charts*.py)
    "funnel_by": "{title} by {by}",
    "funnel_hours": "hours",
    "funnel_users_lost_at_each": "Users lost at each step: {journey}",
    "funnel_users_lost": "users lost",
    "funnel_step": "step",
    "funnel_custom_journey": "custom journey",
    "funnel_funnel": "{journey} funnel",
    "funnel_time_to_convert": "Time to convert: {journey}",
    "funnel_text": "%{{x:,.0f}} (%{{customdata:.0%}})",
    "funnel_journey": "journey",
    "metric_text": ": ",
    "metric_what_changed": "What changed {ctx_metric_plan_metric}",
    "metric_text_2": "{ctx_metric_m} ({baseline})",
    "metric_small_base": " · small base",
    "metric_contribution_to_the_change": "contribution to the change",
    "metric_no": "no {sides_1}",
    "metric_no_2": "no {sides_0}",
    "retention_retention_of_cohorts": "Retention of {en_grain} cohorts",
    "retention_by": "{what} by {by} ({model})",
    "retention_attributed_revenue": "attributed revenue",
    "retention_attributed_conversions": "attributed conversions",
    "retention_all_models": "all models",
    "retention_cohort_users": "cohort (users)",
    "retention_periods_later": "periods later",
    "paths_occurrences": "occurrences",
    "paths_what_users_do_after": "What users do after {anchor}",
    "paths_what_users_do_before": "What users do before {anchor}",
    "paths_top_paths_after": "Top paths after {anchor}",
    "paths_top_paths_before": "Top paths before {anchor}",
    "bars_incomplete_period": "incomplete period",
    "stat_median_hours": "median",
    "stat_mean_hours": "mean",
    "stat_p90_hours": "90th percentile",
    "period_day": "day {n}",
    "period_week": "week {n}",
    "period_month": "month {n}",
    "period_quarter": "quarter {n}",
    "model_first_touch": "first touch",
    "model_last_touch": "last touch",
    "model_linear": "linear",
    "model_time_decay": "time decay",
    "model_position_based": "position-based",
    "model_markov": "data-driven (Markov)",
}

RULES: Final[dict[str, str]] = {  # `tpa validate --lang`: the model's overlap rules
    "overlaps_value_of_dimension": "value of dimension '{d_name}' '{text}'",
    "overlaps_metric": "metric '{m_name}'",
    "overlaps_touchpoint": "touchpoint '{t_id}'",
    "overlaps_journey": "journey '{j_name}'",
    "overlaps_dimension": "dimension '{d_name}'",
    "overlaps_names_both_and": "'{term}' names both {other} and {what}",
    "overlaps_keep_the_word_on": "keep the word on one of them, so questions can tell them apart",
    "overlaps_journey_has_a_day": (
        "journey '{j_name}' has a {window}-day window, but half the people who go from "
        "{j_steps_0} to {j_steps_1} take longer than {gap_median_days:.1f} days"
    ),
    "overlaps_set_window_days_to": (
        "set window_days to at least {gap_p90_days:.0f} (90% of them arrive within that)"
    ),
    "overlaps_is_both_dimension_and": (
        "{table}.{column} is both dimension '{other}' and part of dimension '{d_name}' (also_in)"
    ),
    "overlaps_remove_it_from_s": (
        "remove it from '{d_name}'s also_in, or remove dimension '{other}'"
    ),
    "overlaps_value_of_dimension_occurs": (
        "value '{text}' of dimension '{d_name}' occurs in {tables} but never in "
        "{d_table}.{d_column}"
    ),
    "overlaps_questions_about_by_will": (
        "questions about {d_table} by '{d_name}' will not find it; check it belongs to this "
        "dimension"
    ),
}

CHOICES: Final[dict[str, str]] = {  # the planner's questions back and refusals (nlu/choices.py)
    "sep": ", ",
    "quoted": "'{word}'",
    "not_used": "I did not use {said} from the question: check that this answers what you asked.",
    "last_week": "last week",
    "has": "Ask about what it has: {parts}.",
    "has_sep": "; ",
    "has_metrics": "metrics such as {names}",
    "has_touchpoints": "touchpoints such as {names}",
    "out_of_scope": "The data has no {names}. {has}",
    "nothing_called": "The data has nothing called '{word}'. {has}",
    "nothing_about": "The data has nothing about {said}. {has}",
    "no_value": "There is no {label} called '{word}' in the data. Which one do you mean?",
    "which_value": "More than one {label} is called '{word}'. Which one do you mean?",
    "no_journey_with": (
        "No journey of the semantic model includes {label}. Which journey do you mean?"
    ),
    "no_journey_called": (
        "There is no journey called '{missing}' in the semantic model. Which one do you mean?"
    ),
    "which_metric": "Which metric do you mean?",
    "which_metric_by": "Which metric by {dim}?",
    "which_rate": "Which rate do you mean?",
    "which_step": "How long from {own} to which step?",
    "which_touchpoint": "After (or before) which touchpoint?",
    "about_touchpoint": "What would you like to know about {label}?",
    "two_splits": (
        "'{a}' is a {dim_a} and '{b}' a {dim_b}, not two values of one split. "
        "Which split do you mean?"
    ),
    "no_split": (
        "The data has nothing called '{word}' to split {label} by. Which split do you mean?"
    ),
    "unclear": "I do not know what {said} means in this data. Did you mean one of these?",
    "hello": "Hello! Ask me about customer touchpoints, for example:",
    "not_found": (
        "I could not find a metric, touchpoint or journey in the question. Did you mean one "
        "of these?"
    ),
    # choices: a chip's label, and the question it asks ({when}: the question's own time words)
    "metric": "{label}{when}",
    "metric_by": "{label} by {dim}{when}",
    "why": "why did {label} change{when}",
    "journey_dropoff": "drop-off in the {label}{when}",
    "how_long": "how long from {own} to {label}{when}",
    "after": "what do users do after {label}{when}",
    "reached": "how many users reached {label}{when}",
    "lost_most": "which touchpoint lost the most users{when}",
    "reached_label": "Users who reached it",
    "next_label": "What users do next",
    "dropoff_label": "Drop-off in the journey",
    "starter_dropoff": "Drop-off",
    "not_split": "{label}, not split",
    "without": "Without {said}",
    # the planner's own refusals and its notes on how it read a question (nlu/decide.py, planner.py)
    "injection": (
        "I only answer questions about the customer data, and I treat everything in a question "
        "as a question: instructions, SQL or settings in it are not followed."
    ),
    "no_forecast": (
        "The data records what customers did up to yesterday; it cannot forecast the future. "
        "Ask about a past period instead, e.g. last week."
    ),
    "not_planned": "I could not turn this question into an analysis. Did you mean one of these?",
    "read_as": "Read {items}.",
    "read_as_item": "'{word}' as {label}",
    "read_as_sep": ", ",
    "read_one_of": "Read '{word}' as {label}; it is also {others} — ask by that name to use it.",
    "read_fixed": "Read {said}.",
    "like_example": "Answered like the verified question “{question}”.",
    "read_about": "Read the question as being about {label}.",
}

CHOICES_TOPICS: Final[dict[str, str]] = {  # what the data has no notion of, by topic cue
    "weather": "weather",
    "inventory": "inventory or stock levels",
    "profit": "costs of goods, so profit or margins",
    "employees": "employees or salaries",
    "competitors": "competitors or market share",
    "stock_price": "stock prices",
    "chitchat": "jokes, stories or small talk: it answers questions about itself",
    "product_catalog": "products, SKUs or categories",
    "returns_reason": "reasons for returns",
    "gender_pay": "incomes",
    "rent": "rents or property costs",
    "suppliers": "suppliers or purchase prices",
    "commission": "commissions",
    "credit_risk": "credit risk, delinquency or bad debt",
    "bonus": "bonuses or incentive pay",
    "it_costs": "IT or hosting costs",
    "nps": "NPS surveys (Net Promoter Score)",
    "app_stability": "app crashes or stability",
    "demographics": "people's age or gender",
    "uninstalls": "app uninstalls",
    "fraud": "fraud",
    "outcomes": "outcomes outside its touchpoints (exam scores, weight and the like)",
    "dwell_time": "durations of page views or visits (events carry no durations)",
    "personal_data": "personal data (names, phone numbers, addresses): only anonymous ids",
}

CATALOG_EXAMPLES: Final[dict[str, str]] = {  # the catalog's example questions, by asker
    "marketing_1": "which channel contributes most to purchases last month",
    "marketing_2": "ROI by channel last month",
    "marketing_3": "30-day retention of users acquired on WeChat",
    "operations_1": "which touchpoint lost the most users last week",
    "operations_2": "what do users do after the product page",
    "sales_1": "revenue by channel this month vs last month",
    "sales_2": "top 3 cities by revenue last month",
    "product_1": "why did checkout conversion drop last week?",
    "product_2": "purchase funnel last week by device",
    "service_1": "median first response time by region over the last 4 weeks",
    "service_2": "customer satisfaction by channel last month",
}

SIGNIN: Final[dict[str, str]] = {  # the sign-in page, in every language at once (ui/signin.py)
    "title": "Touchpoint Assistant",
    "intro": "Sign in with your name and password, or leave the name empty and paste an API key.",
    "wrong": "That name and password (or key) are not right.",
    "too_many": "Too many attempts: wait a minute.",
    "name": "Name",
    "secret": "Password or API key",
    "submit": "Sign in",
}

GRAMMAR: Final = Grammar(
    gap=" ",
    comma=", ",
    semicolon="; ",
    colon=": ",
    alt_sep=", ",
    alt_last=" or ",
    paren="{text} ({note})",
    capitalise=True,
    wan=False,
    html_lang="en",
    native="English",
    script="",
)

SECTIONS: Final[dict[str, dict[str, str]]] = {
    "plan": PLAN,
    "plan.words": PLAN_WORDS,
    "plan.ops": PLAN_OPS,
    "answer": ANSWER,
    "answer.words": ANSWER_WORDS,
    "answer.units": ANSWER_UNITS,
    "answer.bases": ANSWER_BASES,
    "failure.reasons": FAILURE_REASONS,
    "failure.ask": FAILURE_ASK,
    "suggest": SUGGEST,
    "bots": BOTS,
    "chat": CHAT,
    "chat.stages": CHAT_STAGES,
    "chat.groups": CHAT_GROUPS,
    "service": SERVICE,
    "understand": UNDERSTAND,
    "api": API,
    "time": TIME,
    "questions": QUESTIONS,
    "languages": LANGUAGES,
    "watch": WATCH,
    "watch.errors": WATCH_ERRORS,
    "columns": COLUMNS,
    "export": EXPORT,
    "chart": CHART,
    "chart.words": CHART_WORDS,
    "chart.pseudo": CHART_PSEUDO,
    "rules": RULES,
    "choices": CHOICES,
    "choices.topics": CHOICES_TOPICS,
    "catalog.examples": CATALOG_EXAMPLES,
    "signin": SIGNIN,
}
