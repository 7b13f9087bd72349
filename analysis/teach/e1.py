"""Episode 1, from text to table: find a figure, its section and its quote."""

from .core import Mistake, Text
from .helpers import get_figure, value
from .kinds import Choice, Number, Quote, Words, option_mistakes

q1 = Number(
    id="1.1",
    expected=lambda: value("mediators"),
    places=0,
    unit=Text(" mediators", "人"),
    hint_text=Text("Search the figures for 调解员 and read each indicator: the question asks for full- and "
                   "part-time mediators (专兼职调解员), all levels together.",
                   "用 analysis.search(\"调解员\") 查找，逐条看清指标名称：题目问的是专兼职调解员，各层级合计。"),
    explanation=Text("The report says “{quote}”; the figures after 其中 are its parts by level.",
                     "报告写“{quote}”，“其中”之后是按层级的分项。"),
    values=lambda: {"quote": get_figure("mediators")["quote"]},
    template="answer = ____\ne1.q1.check(answer)",
    solution_code='answer = analysis.value("mediators")\ne1.q1.check(answer)',
    mistakes=[
        Mistake("full_time", lambda: value("full_time_mediators_total"),
                Text("Took the full-time mediators the district hired (专职人民调解员, section 二、(三)).",
                     "取了区里聘请的专职人民调解员人数（第二部分(三)）。"),
                Text("That is the number of full-time mediators the district hired (专职人民调解员, section "
                     "二、(三)). The question asks for all full- and part-time mediators (专兼职调解员).",
                     "这是区里聘请的专职人民调解员人数（第二部分(三)）。题目问的是全部专兼职调解员。")),
        Mistake("village_only", lambda: value("mediators_village"),
                Text("Took the first part after 其中 (village committees) for the total.",
                     "把“其中”后的第一个分项（村调委会）当成了总数。"),
                Text("That counts the mediators of village committees only. The total comes before 其中.",
                     "这只是村调委会的调解员。总数写在“其中”之前。")),
        Mistake("organisations", lambda: value("mediation_organisations"),
                Text("Took the count of mediation organisations.", "取了人民调解组织的个数。"),
                Text("That counts mediation organisations (人民调解组织), not mediators.",
                     "这是人民调解组织的个数，不是调解员人数。")),
    ],
)

q2 = Words(
    id="1.2",
    expected=lambda: get_figure("mediators")["section"],
    hint_text=Text("A section is written as its outline markers joined, from the chapter down: 一、 then (四) "
                   "then 4. then 3). The search result has a section column.",
                   "章节路径由各级序号依次连写而成，从第一级写起：一、(四)4.3) 这种形式。查询结果中有“section”列。"),
    explanation=Text("The count of mediators is in 一、(四)4.3): chapter 一 (measures and results), part (四) "
                     "social governance, item 4. people's mediation, point 3) the mediation corps.",
                     "调解员人数出自一、(四)4.3)：第一部分“主要举措和成效”，(四)“推进社会治理现代化”，"
                     "4.“加强人民调解职能”，3)“加强专职人民调解员队伍建设”。"),
    template="section = ____\ne1.q2.check(section)",
    solution_code='section = analysis.get_figure("mediators")["section"]\ne1.q2.check(section)',
    mistakes=[
        Mistake("chapter_part", lambda: "一、(四)",
                Text("Stopped at the part and left out the item and point.", "只写到“(四)”这一级，漏了下面两级。"),
                Text("That is the part; go down to the point the figure is in, with 4. and 3).",
                     "这只写到了(四)这一级，请继续往下写到数字所在的那一点，包括 4. 和 3)。")),
        Mistake("full_time_section", lambda: get_figure("full_time_mediators_total")["section"],
                Text("Gave the section of the full-time mediators (二、(三)).", "写成了专职人民调解员所在的章节。"),
                Text("That is where the report speaks of the full-time mediators it hired, in the highlights. "
                     "The count of all mediators is in chapter 一.",
                     "那是报告在“特色工作及亮点”中讲聘请专职人民调解员的地方，全部调解员的人数在第一部分。")),
        Mistake("no_chapter", lambda: get_figure("mediators")["section"].split("、", 1)[1],
                Text("Left out the chapter marker 一、.", "漏写了第一级序号“一、”。"),
                Text("Start from the chapter: the report has four, 一 to 四, and (四) occurs in more than one.",
                     "请从第一级写起：报告分一至四四个部分，“(四)”不止出现一次。")),
    ],
)

q3 = Quote(
    figure_id="mediators",
    id="1.3",
    hint_text=Text("Copy a short stretch of the report that holds the number, with the words that say what "
                   "it counts.", "从报告原文中复制一小段包含这个数字、并说明它统计什么的文字。"),
    explanation=Text("Any stretch of the text that occurs once and holds {mention} will do; the package keeps "
                     "“{quote}”.", "只要在原文中只出现一次、且包含“{mention}”的一段都可以；数据包中记的是“{quote}”。"),
    values=lambda: {"quote": get_figure("mediators")["quote"], "mention": get_figure("mediators")["mention"]},
    template="quote = ____\ne1.q3.check(quote)",
    solution_code='quote = analysis.get_figure("mediators")["quote"]\ne1.q3.check(quote)',
    mistakes=[
        Mistake("not_in_text", lambda: get_figure("mediators")["quote"].replace(
                    get_figure("mediators")["mention"], f"{value('mediators'):,.0f}人"),
                Text("Retyped the quote with a thousands separator the report does not use.",
                     "自己重新输入，给数字加了报告里没有的千位分隔符。")),
        Mistake("not_unique", lambda: "调解员",
                Text("Quoted a few words that occur in several places.", "只摘了几个在多处出现的字。")),
        Mistake("no_mention", lambda: "其中村调委会",
                Text("Quoted the words next to the number but not the number.", "摘了数字旁边的字，没有摘到数字本身。")),
    ],
)

q4 = Choice(
    id="1.4",
    choices={
        "a": Text("{n} officers moved to the city's enforcement teams.", "{n}名执法人员调到了市里的执法队伍。"),
        "b": Text("{n} authorised staffing posts (编制) transferred to the city; the text does not say how many "
                  "people moved with them.", "{n}个编制上划到市级；原文没有说有多少人随之调动。"),
        "c": Text("{n} enforcement cases handed to the city.", "{n}件执法案件移交市级办理。"),
    },
    values=lambda: {"n": f"{value('enforcement_posts_transferred'):.0f}"},
    correct=lambda: "b",
    hint_text=Text("Look at the word before the number: 编制.", "注意数字前面的词：编制。"),

    explanation=Text("编制 are authorised posts in the staffing plan, not people: a post can be vacant, and the "
                     "report counts posts in 名. It does not say how many officers moved.",
                     "编制是核定的人员编制数，不等于在岗人数：编制可能空缺，报告用“名”来计编制。"
                     "原文没有说实际调动了多少名执法人员。"),
    template="e1.q4.show()\nanswer = ____\ne1.q4.check(answer)",
    solution_code='e1.q4.show()\nanswer = "b"\ne1.q4.check(answer)',
    mistakes=option_mistakes({
        "a": (Text("Read {n}名 as {n} people.", "把“{n}名”理解成了{n}个人。"),
              Text("名 here counts 编制: authorised posts, not people. A post may be vacant.",
                   "这里的“名”计的是编制，即核定的岗位数，不是人数；编制可能空缺。")),
        "c": (Text("Guessed: nothing in the sentence speaks of cases.", "凭猜测：原句没有提到案件。"),
              Text("Nothing in the sentence speaks of cases; read the word before the number.",
                   "原句没有提到案件，请看数字前面的词。")),
    }),
)
