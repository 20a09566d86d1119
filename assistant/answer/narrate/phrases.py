"""The sentence templates of answers, one table per language: `PHRASES[lang][key].format(...)`.

Chinese templates put a space between Han characters and numbers ("到达的 9,930 人中有 4,812 人"),
but not next to full-width punctuation; date labels stay compact ("2026年11月16日–22日").
"""

from __future__ import annotations

from typing import Final

from semantic_layer.time import Language

EN: Final[dict[str, str]] = {
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

ZH: Final[dict[str, str]] = {
    "when_rel": "{phrase}（{label}）",
    "when_in": "{label}",
    "when_on": "{label}",
    "over": "{phrase}",
    "before_rel": "{phrase}（{label}）",
    "no_value_of": "（无{dim}）",
    "filters": "筛选条件：{filters}。",
    "truncated": "表格仅显示前 {n} 行。",
    "better": "，有所改善",
    "worse": "，有所恶化",
    "up": "上升 {amount}",
    "down": "下降 {amount}",
    "flat": "持平",
    "rule": "每位用户按其在该时段内{rule}的{dim}计入。",
    "single": "{when}{metric}为 {value}。",
    "single_cmp": "{when}{metric}为 {value}，较{before}的 {previous} {move}{verdict}。",
    "single_nobase": "{when}{metric}为 {value}；{before}没有可比较的数据。",
    "single_empty": "{when}没有{metric}的数据。",
    "several": "{when}：{items}。",
    "item": "{metric} {value}",
    "item_cmp": "{metric} {value}（{move}）",
    "rank_desc": "{when}{metric}最高的{dim}是{top}：{value}",
    "rank_asc": "{when}{metric}最低的{dim}是{top}：{value}",
    "rank_only": "{when}只有{top}有{metric}数据：{value}。",
    "ahead": "，其次是{second}（{value}）。",
    "then": "，其次是{second}（{value}）。",
    "end": "。",
    "lowest": "共 {n} 个{dim}，最低的是{name}（{value}）。",
    "highest": "共 {n} 个{dim}，最高的是{name}（{value}）。",
    "moves": "与{before}相比，{gainer}增长最多（{gain}），{loser}下降最多（{loss}）。",
    "gain_only": "与{before}相比，{gainer}增长最多（{gain}），没有下降的{dim}。",
    "loss_only": "与{before}相比，{loser}下降最多（{loss}），没有增长的{dim}。",
    "no_moves": "与{before}相比，各{dim}均无变化。",
    "series": "{when}{grainly}{metric}：最近一{unit}（{last_label}）为 {last}，较第一{unit}"
    "（{first_label}）的 {first} {move}；峰值为 {peak}（{peak_label}）。",
    "series_one": "{when}{grainly}{metric}：{value}（{label}）。",
    "series_also": "最近一{unit}：{items}。",
    "partial_one": "{periods}数据不完整，以上只比较完整的{grains}。",
    "partial_many": "{periods}数据不完整，以上只比较完整的{grains}。",
    "partial_kept": "{periods}数据不完整；完整的{grains}不足两个，比较中包含了不完整的{grains}。",
    "partial_only": "{periods}数据不完整。",
    "links": "{dim}按各数据表中的对应列匹配：{items}。",
    "zero_num": "{names}有{den}但没有{num}（{value}）。",
    "no_base": "{names}没有{den}，无法计算{metric}。",
    "small_base": "样本较小，请谨慎解读：{items}（少于 {least}）。",
    "small_item": "{name}仅基于 {n} {base}",
    "people_steps": "只计入发生在该{dim}上的步骤。",
    "link_item": "{what}取 {column}",
    "people_touch": "按用户在该时段内{rule}的{dim}选出用户；其后每一步不论发生在哪个{dim}都计入。",
    "people_entry": "按用户进入{what}的那次事件的{dim}选出用户；"
    "其后每一步不论发生在哪个{dim}都计入。",
    "partial_latest": "{periods}数据不完整，以上使用最近的完整{grains}。",
    "partial_latest_many": "{periods}数据不完整，以上使用最近的完整{grains}。",
    "partial_item": "{label}（{days}天中的{covered}天）",
    "series_by": "{when}各{dim}{grainly}的{metric}。",
    "series_latest": "最近一{unit}（{label}）{metric}最高的{dim}是{top}：{value}",
    "empty_metric": "{when}没有符合条件的{metrics}数据。",
    "journey_named": "{label}",
    "journey_steps": "漏斗（{steps}）",
    "funnel": "{when}进入{journey}的 {entrants} 位用户中，有 {converted} 人在 {window} 天窗口内"
    "到达{last}：整体转化率 {rate}。",
    "biggest_drop": "流失最多的是{step}：到达的 {reached} 人中有 {lost} 人（{rate}）未进入下一步"
    "{next}。",
    "funnel_empty": "{when}没有用户进入{journey}。",
    "funnel_by": "{when}{journey}的转化（{window} 天窗口）：{best}最高（{best_rate}，{best_n} 人中"
    " {best_conv} 人），{worst}最低（{worst_rate}，{worst_n} 人中 {worst_conv} 人），共比较 {n} 个"
    "{dim}。",
    "funnel_by_one": "{when}{journey}的转化（{window} 天窗口）：{best}为 {best_rate}（{best_n} 人中"
    " {best_conv} 人）。",
    "overall": "合计：{n} 人中 {conv} 人（{rate}）。",
    "ttc": "{when}进入{journey}的 {n} 人中有 {conv} 人在 {window} 天窗口内完成转化（{rate}）：转化"
    "时长中位数 {median}，P90 为 {p90}。",
    "ttc_total": "{when}进入{journey}的 {n} 人中有 {conv} 人在 {window} 天窗口内完成转化"
    "（{rate}）。",
    "ttc_none": "{when}进入{journey}的 {n} 人中没有人在 {window} 天窗口内完成转化。",
    "ttc_spread": "最快的是{fast}（中位数 {fast_median}），最慢的是{slow}"
    "（中位数 {slow_median}）。",
    "dropoff": "{when}{journey}中流失用户最多的触点是{step}：到达的 {reached} 人中有 {lost} 人"
    "（{rate}）在 {window} 天内未进入下一步{next}。",
    "dropoff_rate": "{when}{journey}中流失率最高的触点是{step}：{rate}，到达的 {reached} 人中有"
    " {lost} 人在 {window} 天内未进入下一步{next}。",
    "dropoff_next": "其次是{items}。",
    "dropoff_item": "{step}（{reached} 人中 {lost} 人，{rate}）",
    "dropoff_none": "{when}{journey}各步骤之间没有流失用户。",
    "in_segment": "{segment}的{step}",
    "dropoff_one_segment": "进入{journey}的用户全部来自{segment}。",
    "next_after": "{when}用户在{anchor}之后最常去的是{top}：占 {total} 次访问的 {share}。",
    "next_before": "{when}用户在{anchor}之前最常来自{top}：占 {total} 次访问的 {share}。",
    "exit_top": "{when}{anchor}的 {total} 次访问中，{share} 在此结束会话。",
    "start_top": "{when}{anchor}的 {total} 次访问中，{share} 以此开始会话。",
    "then_next": "最常见的下一步是{top}（{share}）。",
    "then_prev": "最常见的上一步是{top}（{share}）。",
    "exit_note": "{share} 的访问在{anchor}后结束会话。",
    "start_note": "{share} 的访问以{anchor}开始会话。",
    "others": "其次是{items}。",
    "share_item": "{name}（{share}）",
    "path_top": "{when}{anchor}{direction}最常见的路径是{path}：占 {total} 次访问的 {share}。",
    "path_alone_after": "{when}最常见的情况是在{anchor}后结束会话（占 {total} 次访问的 {share}）；"
    "最常见的更长路径是{path}（{share2}）。",
    "path_alone_before": "{when}最常见的情况是以{anchor}开始会话（占 {total} 次访问的 {share}）；"
    "最常见的更长路径是{path}（{share2}）。",
    "after": "之后",
    "before": "之前",
    "paths_empty": "{when}没有会话到达{anchor}。",
    "retention": "{when}共 {n} 个{grainly}同期群、{size} 位用户：第 {k1} {unit}平均留存 {r1}，"
    "第 {k} {unit}为 {rk}。",
    "retention_one": "{when}共 {n} 个{grainly}同期群、{size} 位用户：第 {k1} {unit}平均留存 {r1}。",
    "retention_best": "表现最好的同期群是{cohort}（第 {k1} {unit}留存 {rate}）。",
    "retention_young": "{when}共 {n} 个{grainly}同期群、{size} 位用户，但尚无已结束的后续{unit}。",
    "retention_empty": "{when}没有符合条件的新用户同期群。",
    "attr": "{when}在{model}下，{conversions}贡献最大的{by}是{top}：{credit}，占总计 {total} 的"
    " {share}",
    "attr_agree": "{when}在所有归因模型下，{conversions}贡献最大的{by}都是{top}"
    "（占 {low}–{high}）。",
    "attr_disagree": "{when}各归因模型对{conversions}贡献最大的{by}看法不一：{items}。",
    "attr_item": "{models}下是{key}（{shares}）",
    "attr_spread": "分歧最大的是{key}：{high_model}下占 {high}，{low_model}下占 {low}。",
    "attr_lookback": "计入每次转化前 {days} 天内的触达。",
    "attr_empty": "{when}没有可归因的{conversions}。",
    "attr_missing": "（未计算{model}的结果，改为显示{used}。）",
    "purchases": "购买",
    "conversions_of": "{touchpoint}转化",
    "revenue": "销售额",
    "drivers": "{metric}从{before}到{when}{moved} {amount}{verdict}。",
    "drivers_flat": "{metric}从{before}到{when}没有变化。",
    "rose": "上升",
    "fell": "下降",
    "explains": "在 {total} 的{change}中，{segment}（{dim}）贡献了 {amount}{share}："
    "其自身{metric}从 {previous} 变为 {value}。",
    "offsets": "{segment}（{dim}）走势相反（在 {total} 的{change}中占 {amount}）："
    "其自身{metric}从 {previous} 变为 {value}。",
    "share_part": "（占 {share}）",
    "share_more": "，超过全部{change}，因为其他细分走势相反",
    "moved_most": "{segment}（{dim}）变化最大：{amount}；其自身{metric}从 {previous} 变为"
    " {value}。",
    "drivers_segments": "从{before}到{when}，{metric}变化最大的细分是：{items}。",
    "drivers_move": "{segment}（{dim}，{previous} → {value}）",
    "drivers_next": "其次是{items}。",
    "drivers_item": "{segment}（{dim}，{amount}）",
    "drivers_note": "每个维度内各细分的贡献之和等于总变化。",
    "left_out": "未纳入：{items}。",
    "change_none": "{metric}一直在此前 {n} {grains}的范围内（{range}），没有持续性的变化。",
    "change_at": "{metric}自{period}起{side}此前的范围（{range}），并一直保持。",
    "change_focus": "{metric}自{period}起{side}此前的范围（{range}）并一直保持，"
    "因此比较的是变化后的 {n} 天（{since}）与变化前的 {n} 天（{before}）："
    "所问时段与其前一时段都在变化之后。",
    "above": "高于",
    "below": "低于",
    "left_segments": "{n} 个过小（少于 {least}，或不到所在维度的 5%）或缺少某一时段数值的细分",
    "left_segment": "1 个过小（少于 {least}，或不到所在维度的 5%）或缺少某一时段数值的细分",
    "left_dimensions": "{n} 个只有单一取值（或只有空值）的维度",
    "left_dimension": "1 个只有单一取值（或只有空值）的维度",
    "rise": "上升",
    "drop": "下降",
    "drivers_empty": "{when}没有可用于解释{metric}变化的数据。",
    "sql_rows": "查询返回 {n} 行。第一行：{summary}。",
    "sql_row": "查询返回 1 行：{summary}。",
    "sql_none": "查询没有返回任何行。",
    "sql_unverified": "未经验证：该结果来自自定义 SQL，而非语义层已核对的定义，使用前请核对。",
    "cell": "{column} = {value}",
}

PHRASES: Final[dict[Language, dict[str, str]]] = {"en": EN, "zh": ZH}

WORDS: Final[dict[Language, dict[str, str]]] = {
    "en": {
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
        "cohort_day": "daily",
        "cohort_week": "weekly",
        "cohort_month": "monthly",
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
    },
    "zh": {
        "first_touch": "首次触达",
        "last_touch": "最后一次触达",
        "channel": "渠道",
        "touchpoint": "触点",
        "day": "天",
        "week": "周",
        "month": "个月",
        "quarter": "个季度",
        "year": "年",
        "day_ly": "每天",
        "week_ly": "每周",
        "month_ly": "每月",
        "quarter_ly": "每季度",
        "year_ly": "每年",
        "day_pl": "天",
        "week_pl": "周",
        "month_pl": "月份",
        "quarter_pl": "季度",
        "year_pl": "年份",
        "week_of": "{day}当周",
        "in_day": "第",
        "in_week": "第",
        "in_month": "第",
        "cohort_day": "日",
        "cohort_week": "周",
        "cohort_month": "月",
        "model_first_touch": "首次触点归因",
        "model_last_touch": "末次触点归因",
        "model_linear": "线性归因",
        "model_time_decay": "时间衰减归因（半衰期 {days} 天）",
        "model_position_based": "位置归因（40/20/40）",
        "model_markov": "数据驱动归因（马尔可夫）",
        "exit": "会话结束",
        "start": "会话开始",
        "before_day": "前一天",
        "before_week": "前一周",
        "before_month": "前一个月",
        "before_quarter": "前一季度",
        "before_year": "前一年",
        "before_period": "上一周期",
        "before_last_year": "去年同期",
        "times": "次",
        "journey": "旅程",
        "analysis": "分析",
    },
}

__all__ = ["PHRASES", "WORDS"]
