"""The planner's own words: intents, ranking, breakdowns, grains, attribution models, refusals.

Model words (metrics, touchpoints, values…) come from the semantic model; these are the words
*around* them that say what to do. Each cue is a name and its English and Chinese phrasings,
written in normalised form (lower case, Chinese numerals as digits).
"""

from __future__ import annotations

from typing import Final

# "几张", "多少单": a count of things (orders, cards, tickets), not of people
_THINGS_COUNTED: Final = tuple(f"{q}{m}" for q in ("几", "多少") for m in "张单件台辆笔份")
_SOLD_COUNTED: Final = tuple(f"卖了{q}{m}" for q in ("几", "多少") for m in "张件台辆份")

# Words for the people a business counts ("members", 会员): "how many members" counts people.
_PEOPLE: Final = (
    "users", "people", "players", "patients", "customers", "members", "guests", "travellers",
    "travelers", "clients", "gamers", "visitors", "shoppers", "subscribers", "cardholders",
    "applicants", "students", "learners", "passengers", "policyholders", "leads", "prospects",
    "drivers", "riders", "candidates", "job seekers", "jobseekers", "accounts", "用户", "玩家",
    "患者", "车主", "司机", "账户", "账号", "求职者", "骑手", "病人", "客户", "会员", "旅客",
    "顾客", "持卡人", "线索",
)  # fmt: skip

CUES: Final[dict[str, tuple[str, ...]]] = {
    # what kind of analysis
    "dropoff": ("lost", "lose", "loses", "losing", "loose", "loosing", "loss of", "drop off",
                "drops off",
                "dropped off", "dropoff", "abandon", "abandons", "abandoned", "abandonment",
                "leak", "leaks", "leakage", "bleed", "bleeding", "bleeds", "fall off",
                "falls off", "give up", "drop-off", "drop out", "drops out", "dropping off",
                "流失", "丢失", "损失", "放弃", "跳失", "掉队", "漏掉", "流走", "掉的人", "掉人",
                "掉的", "掉得", "流失的", "跑掉", "走掉", "流失率"),
    # "never went on to Y": a drop-off between two named touchpoints
    "never": ("never", "did not", "didn't", "do not", "don't", "without going on",
              "没有", "没再", "从未", "没能", "未能"),
    "funnel": ("funnel", "funnels", "step by step", "each step", "every step", "step conversion",
               "漏斗", "每一步", "每步", "各步骤", "各环节", "逐步", "分步"),
    "time_to_convert": ("time to convert", "time to purchase", "time to buy", "how long",
                        "how many hours", "how many days", "hours to", "days to",
                        "hours from", "days from", "minutes from", "time from", "time between",
                        "time it takes", "takes to", "average time", "median time",
                        "多久", "多长时间", "转化时长", "转化时间", "用时", "耗时", "几天",
                        "多少小时", "几个小时", "几小时", "多少天", "多少分钟", "间隔", "时间间隔",
                        "平均时长", "平均用时", "需要多长"),
    "after": ("after", "afterwards", "next", "then", "following", "go to", "goes to",
              "right after", "之后", "以后", "后面", "下一步", "接下来", "然后", "去了哪", "去哪",
              "后做", "后的", "后会", "后都", "完后", "后去", "后一般"),
    "before": ("before", "prior to", "preceding", "lead to", "leads to", "led to", "come from",
               "came from", "right before", "之前", "以前", "前一步", "来自哪", "从哪", "前的",
               "上一步", "前都", "前会", "前做", "前一般"),
    "paths": ("path", "paths", "flow", "flows", "sequence", "sequences", "route", "routes",
              "navigation", "路径", "流向", "去向", "行为路径", "动线", "跳转"),
    "top_paths": ("top paths", "common paths", "most common paths", "popular paths",
                  "path analysis", "常见路径", "主要路径", "热门路径", "路径分析"),
    "retention": ("retention", "retain", "retained", "cohort", "cohorts", "同期群", "群组",
                  "retaining", "come back", "comes back",
                  "came back", "return", "returned", "returning", "returns", "stick around",
                  "stickiness", "repeat visit", "stay active", "stays active", "stayed active",
                  "still active", "remain active", "remained active", "buy again", "repurchase",
                  "come back to buy", "month after month", "week after week", "keep coming",
                  "kept coming", "keeps coming", "still around", "still coming",
                  "留存", "回访", "复访", "回来", "回流", "复购", "日留存", "周留存", "月留存",
                  "月度留存"),
    "attribution": ("attribution", "attribute", "attributed", "contribute", "contributes",
                    "contributed", "contribution", "contributions", "credit", "credited",
                    "responsible for", "贡献", "归因", "功劳", "贡献度"),
    "drivers": ("why", "what caused", "cause", "causes", "reason", "reasons", "explain",
                "explains", "key drivers", "main drivers", "biggest drivers", "the drivers",
                "root cause", "what happened", "behind",
                "为什么", "为啥", "为何", "原因", "怎么回事", "什么导致", "导致", "驱动因素",
                "归因分析", "what drove", "drove the change", "drivers of",
                "what caused the change", "what's driving", "what is driving", "driving it",
                "driving that", "driving this", "drove this", "drove that", "drove the drop",
                "drove the fall", "drove the decline", "drove the dip", "drove the rise",
                "drove the increase", "drove the change", "drove the spike", "drove the jump",
                "how come", "怎么了", "咋回事", "造成的", "导致的",
                "哪里涨", "哪里跌", "哪里降", "哪里少", "哪里多", "涨在哪", "跌在哪", "降在哪",
                "谁拖累", "拖累", "拖的", "拖了后腿", "拖后腿", "where did it drop",
                "where did it fall",
                "where did it grow", "what's behind", "what is behind", "account for the"),
    # counts of occurrences rather than of people
    # people, by whatever name a business gives them: counted, they are the people reached
    "people": _PEOPLE,
    # "new members", "新增会员", "new sign ups": people by when they were first seen
    "new_people": (*(f"new {w}" for w in _PEOPLE if w.isascii()),
                   *(f"{n}{w}" for n in ("新", "新增") for w in _PEOPLE if not w.isascii()),
                   "new sign ups", "new registrations", "new students", "signed up", "joined",
                   "新学员", "新注册",
                   "新建档", "注册了多少", "新增了多少注册", "新增注册", "新入会", "新开户"),
    "payers": ("paying users", "paying players", "paying customers", "paying patients", "payers",
               "buyers", "purchasers", "付费用户", "付费玩家", "付费人数", "付费客户", "买家",
               "缴费人数", "下单人数"),
    "times": ("how many times", "number of times", "times", "次数", "人次", "多少次", "几次",
              "occurrences", "clicks", "taps", "点击量", "点击次数", "浏览量", "pv",
              *_THINGS_COUNTED, *_SOLD_COUNTED),
    # money without a metric named: what came in, what went out
    "money_in": ("money", "make", "made", "earn", "earned", "takings", "income", "fee income",
                 "cash", "cash in", "cash came in",
                 "bring in", "brought in", "brings in", "take in", "took in",
                 "赚了", "挣了", "卖了多少钱", "收了多少钱", "进账", "卖的钱", "赚的钱", "多少钱",
                 "流水"),
    # which time a ticket took: to its resolution, or to its first answer
    "resolve": ("resolve", "resolved", "resolving", "solve", "solved", "fixed", "closed",
                "处理完", "办结", "解决", "结单", "关单", "处理好", "搞定"),
    "respond": ("respond", "responded", "reply", "replied", "get back to", "回复", "响应",
                "回应", "接起"),
    "money_out": ("spend", "spent", "spending", "cost us", "burn", "burned", "burnt", "blow",
                  "blew", "blown", "splash out", "splashed out", "total cost", "cost of",
                  "costs of", "the cost", "cost", "costs", "花了多少", "总成本", "成本多少", "成本",
                  "花了", "花费", "花掉", "花出去", "投了多少", "投放", "投入", "烧了", "烧掉",
                  "烧钱", "砸了", "花钱", "花的钱", "花销", "set us back", "sets us back",
                  "marketing spend", "marketing cost", "marketing budget", "marketing 费",
                  "marketing 费用", "营销费", "营销费用", "推广费", "广告费", "要用多少",
                  "要花多少", "花多少", "spend on marketing", "spent on marketing", "spend on ads",
                  "spent on ads", "spend on advertising", "spent on advertising"),
    "conversion": ("conversion", "conversions", "convert", "converts", "converted", "converting",
                   "went on to", "go on to", "goes on to", "ended up", "后来", "最终",
                   "conversion rate", "转化", "转化率", "转化了", "转换率", "转化情况"),
    "versus": ("beat", "beats", "outperform", "outperformed", "against", "better than",
               "worse than", "higher than", "lower than", "compared with", "compared to",
               "compare to", "compared against", "in comparison to", "relative to", "跑赢", "超过",
               "不如",
               "比得上", "高于", "低于"),
    "change": ("drop", "dropped", "drops", "fall", "fell", "falls", "decline", "declined",
               "decrease", "decreased", "down", "increase", "increased", "rise", "rose", "up",
               "grow", "grew", "growth", "change", "changed", "changes", "jump", "jumped",
               "spike", "spiked", "dip", "dipped", "worse", "better", "improve", "improved",
               "下降", "下跌", "降低", "下滑", "减少", "上升", "增长", "提升", "提高", "变化",
               "波动", "变差", "变好", "暴跌", "大跌", "降了", "涨了", "跌了", "掉了"),
    # ranking and shape
    "desc": ("most", "highest", "top", "best", "largest", "biggest", "max", "maximum",
             "greatest", "leading", "strongest", "more", "最多", "最高", "最大", "最好", "最强",
             "第1", "排名第1", "最快", "busiest", "highest first", "biggest first", "largest first",
             "best first", "most first", "从高到低", "从大到小", "由高到低", "priciest",
             "most expensive", "costliest", "dearest", "最贵"),
    "asc": ("least", "lowest", "fewest", "worst", "smallest", "bottom", "min", "minimum",
            "weakest", "quietest", "最少", "最低", "最小", "最差", "最弱", "倒数", "垫底", "最慢",
            "lowest first", "smallest first", "worst first", "least first", "从低到高",
            "从小到大", "由低到高", "cheapest", "least expensive", "最便宜"),
    "rank": ("rank", "ranking", "ranked", "sort", "sorted", "order by", "leaderboard",
             "排名", "排行", "排序", "排行榜", "排个名", "排一下", "排个序"),
    "which": ("which", "what", "哪个", "哪些", "哪一个", "哪一", "哪类", "哪种", "哪家", "哪"),
    "by": ("by", "per", "across", "each", "every", "for each", "split by", "broken down by",
           "breakdown by", "breakdown", "grouped by", "按", "按照", "各", "每个", "每一个",
           "分", "不同", "各个", "细分", "拆分", "各类", "各种", "每种", "每一种", "每类",
           "每一类", "每家", "每位", "每门", "每款"),
    # 分别 is one word: its 分 is not "by" ("各品类分别卖了多少单")
    "respectively": ("respectively", "分别", "各自"),
    "only": ("only", "just", "for", "on", "in", "from", "via", "through", "within", "只看",
             "仅看", "只要", "仅", "只", "限", "在"),
    "exclude": ("except", "excluding", "exclude", "without", "not on", "other than",
                "apart from", "aside from", "besides", "not counting", "leaving out",
                "除了", "不含", "不包括", "排除", "去掉", "不算", "刨去", "除去"),
    "day": ("daily", "per day", "by day", "each day", "every day", "day by day", "day over day",
            "每天", "每日", "按天", "按日", "逐日", "日趋势", "天级", "每一天", "日留存"),
    "week": ("weekly", "per week", "by week", "each week", "every week", "week by week",
             "每周", "按周", "逐周", "周趋势", "周度", "每个星期", "每星期", "每一周", "周留存"),
    "month": ("monthly", "per month", "by month", "each month", "every month", "month by month",
              "每月", "按月", "逐月", "月趋势", "月度", "每个月", "每一个月", "月留存", "月度留存"),
    "trend": ("trend", "trends", "over time", "time series", "trajectory", "趋势", "走势",
              "变化趋势", "曲线"),
    "share": ("share", "share of", "percentage of", "proportion", "split", "mix", "distribution",
              "占比", "比例", "分布", "构成"),
    "total": ("total", "overall", "in total", "altogether", "sum", "总", "总共", "合计", "整体",
              "总体", "一共", "across everything", "across the board", "across the business",
              "across the whole business", "everything we have"),
    # the average value of an order, by any of its names
    "order_value": ("average order value", "avg order value", "aov", "basket size",
                    "average basket", "amount per order", "amount per payment", "average amount",
                    "avg amount", "average price", "avg price", "average ticket", "客单价", "均价",
                    "平均金额", "每单金额", "单均", "笔单价"),
    # a score given out of five: the model's average rating
    "stars": ("stars", "how many stars", "几颗星", "几星", "星级",
              "平均分", "打分", "评分", "评价", "平均几颗星", "平均几星",
              "average rating", "average score", "star rating", "mean rating", "rating out of 5",
              "average ticket rating", "average ticket score", "均分", "平均几分", "平均多少分"),
    "how_many": ("how many", "how much", "number of", "count of", "多少", "几个", "几人",
                 *_THINGS_COUNTED, *_SOLD_COUNTED),
    "acquired": ("acquired", "acquisition", "came from", "signed up via", "signed up on",
                 "new users from", "first came", "获客", "拉新", "首次来自", "新客来源",
                 "获取的"),
    "revenue_value": ("revenue", "sales", "gmv", "money", "value", "销售额", "收入", "金额",
                      "成交额", "营收"),
    # attribution models
    "first_touch": ("first touch", "first click", "first interaction", "首次触点", "首次接触",
                    "首触", "首次点击", "首次归因"),
    "last_touch": ("last touch", "last click", "last interaction", "末次触点", "最后触点",
                   "末触", "末次点击", "最后点击", "末次归因"),
    "linear": ("linear", "evenly", "equal credit", "线性", "平均分配"),
    "time_decay": ("time decay", "decay", "时间衰减", "衰减"),
    "position_based": ("position based", "u shaped", "u shape", "40 20 40", "位置归因",
                       "u型", "u形", "基于位置"),
    "markov": ("markov", "data driven", "removal effect", "马尔可夫", "马尔科夫", "数据驱动",
               "移除效应"),
    "all_models": ("all models", "every model", "compare models", "each model",
                   "different models", "attribution models", "所有模型", "各模型",
                   "不同模型", "各种模型", "多种模型", "所有归因模型", "不同归因模型",
                   "各归因模型", "几种归因模型", "归因模型对比", "多个归因模型"),
    # things the data cannot answer, and instructions hidden in questions
    "future": ("forecast", "predict", "prediction", "projection", "next week", "next month",
               "next quarter", "next year", "tomorrow", "will be", "going to be", "what will",
               "how much will", "how many will", "will we", "will our", "by the end of the year",
               "by year end", "年底能", "年底会", "会达到", "能达到多少",
               "预测", "预计", "下周", "下个月", "下月", "下季度", "明年", "明天", "将会"),
    "injection": ("ignore previous", "ignore all", "ignore your", "ignore the above",
                  "disregard", "system prompt", "you are now", "act as", "jailbreak",
                  "drop table", "delete from", "truncate table", "insert into", "update set",
                  "read csv", "read_csv", "attach", "pragma", "忽略之前", "忽略以上", "忽略所有",
                  "忽略你的", "系统提示", "删除表", "删表", "清空", "你现在是", "越狱"),
    "greeting": ("hello", "hi", "hey", "thanks", "thank you", "你好", "您好", "谢谢", "嗨"),
    "help": ("help", "what can you do", "what can i ask", "帮助", "你能做什么", "能问什么"),
}  # fmt: skip

# Verbs of buying: they name the model's purchase touchpoint (`settings.purchase_touchpoint`)
# when no model word has them ("how many people bought", "报价的人里有多少比例买了").
PURCHASE_WORDS: Final = ("buy", "buys", "bought", "buying", "purchase", "purchased",
                         "purchases", "purchasing", "买了", "购买", "购买了", "买过",
                         "sold", "sell", "sells", "卖出", "售出", "卖出去", "paying", "开始付费",
                         *_SOLD_COUNTED)  # fmt: skip

# What the data has no notion of: asked about, the answer is `unsupported`, naming it.

# China's provinces and larger cities (generic geography, not data): a place the model's values
# lack is asked back with the places it has, never dropped from the question.
PLACES_ZH: Final = (
    "北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
    "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安", "长沙", "郑州", "青岛", "厦门",
    "宁波", "东莞", "佛山", "珠海", "无锡", "合肥", "福州", "济南", "沈阳", "大连", "哈尔滨",
    "长春", "昆明", "贵阳", "南宁", "南昌", "太原", "石家庄", "兰州", "乌鲁木齐", "呼和浩特",
    "海口", "三亚", "温州", "嘉兴", "绍兴", "常州", "南通", "徐州", "烟台", "泉州", "惠州", "中山",
    "江门", "汕头", "洛阳", "保定", "唐山", "潍坊", "扬州", "镇江", "金华", "台州", "湖州",
)  # fmt: skip
PLACES_EN: Final = (
    "beijing", "shanghai", "tianjin", "chongqing", "hebei", "shanxi", "liaoning", "jilin",
    "heilongjiang", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "shandong", "henan",
    "hubei", "hunan", "guangdong", "hainan", "sichuan", "guizhou", "yunnan", "shaanxi", "gansu",
    "qinghai", "taiwan", "inner mongolia", "guangxi", "tibet", "xizang", "ningxia", "xinjiang",
    "hong kong", "macau", "macao", "guangzhou", "shenzhen", "hangzhou", "nanjing", "suzhou",
    "chengdu", "wuhan", "xi'an", "xian", "changsha", "zhengzhou", "qingdao", "xiamen", "ningbo",
    "dongguan", "foshan", "zhuhai", "wuxi", "hefei", "fuzhou", "jinan", "shenyang", "dalian",
    "harbin", "changchun", "kunming", "guiyang", "nanning", "nanchang", "taiyuan", "shijiazhuang",
    "lanzhou", "urumqi", "hohhot", "haikou", "sanya", "wenzhou", "jiaxing", "shaoxing",
    "changzhou", "nantong", "xuzhou", "yantai", "quanzhou", "huizhou", "zhongshan",
    "jiangmen", "shantou", "luoyang", "baoding", "tangshan", "weifang", "yangzhou", "zhenjiang",
    "jinhua", "taizhou", "huzhou",
)  # fmt: skip
_EN_ALIASES: Final = {"xizang": "西藏", "macao": "澳门", "xian": "西安"}
# Each place's English names, by its Chinese name: "Sichuan" finds a value stored as 四川 and
# "四川" one stored as Sichuan.
PLACE_NAMES: Final[dict[str, tuple[str, ...]]] = {
    zh: (en, *(a for a, z in _EN_ALIASES.items() if z == zh))
    for zh, en in zip(PLACES_ZH, [e for e in PLACES_EN if e not in _EN_ALIASES], strict=True)
}

# Adjectives of countries ("Polish accounts", "German users"): the country's name, when a value
# of the model is called by it.
DEMONYMS: Final[dict[str, str]] = {
    "polish": "poland", "german": "germany", "french": "france", "spanish": "spain",
    "italian": "italy", "dutch": "netherlands", "british": "united kingdom", "english": "england",
    "scottish": "scotland", "welsh": "wales", "irish": "ireland", "american": "united states",
    "canadian": "canada", "mexican": "mexico", "brazilian": "brazil", "chinese": "china",
    "japanese": "japan", "korean": "korea", "indian": "india", "australian": "australia",
    "swedish": "sweden", "danish": "denmark", "norwegian": "norway", "finnish": "finland",
    "belgian": "belgium", "swiss": "switzerland", "austrian": "austria", "portuguese": "portugal",
    "greek": "greece", "turkish": "turkey", "russian": "russia", "singaporean": "singapore",
    "malaysian": "malaysia", "thai": "thailand", "vietnamese": "vietnam", "indonesian": "indonesia",
    "filipino": "philippines", "czech": "czechia", "hungarian": "hungary", "romanian": "romania",
}  # fmt: skip

OUT_OF_SCOPE: Final[dict[str, tuple[str, ...]]] = {
    "weather": ("weather", "temperature", "rain", "天气", "气温", "下雨"),
    "inventory": ("inventory", "stock level", "stock levels", "in stock", "out of stock",
                  "库存", "缺货", "备货"),
    "profit": ("profit", "profits", "margin", "margins", "cost of goods", "cogs",
               "利润", "毛利", "净利", "成本价"),
    "employees": ("employee", "employees", "staff", "salary", "salaries", "payroll", "headcount",
                  "员工", "工资", "薪资", "薪水", "人力", "工资单"),
    "competitors": ("competitor", "competitors", "competition", "market share",
                    "竞争对手", "竞品", "对手", "市场份额"),
    "stock_price": ("stock price", "share price", "stock market", "股价", "股票", "市值"),
    "product_catalog": ("sku", "skus", "product category", "which product", "best selling product",
                        "products", "top selling", "best selling", "best-selling", "bestseller",
                        "bestsellers", "卖得最好", "热销", "销量最高", "畅销",
                        "best-selling product", "brand", "商品品类", "哪个商品", "哪款", "单品",
                        "爆款", "品类"),
    "returns_reason": ("return reason", "why returned", "退货原因"),
    "personal_data": ("phone number", "phone numbers", "email address", "email addresses",
                      "home address", "addresses", "personal data", "personal information",
                      "customer list", "user list", "names of", "id card", "list every user",
                      "list all users", "list of users", "every user with their",
                      "each user with their", "用户明细", "每个用户的", "逐个用户", "手机号",
                      "电话号码",
                      "会员号", "身份证", "家庭住址", "收货地址", "个人信息", "用户名单",
                      "客户名单", "姓名"),
    "other_platforms": ("douyin", "tiktok", "kuaishou", "xiaohongshu", "red note", "rednote",
                        "pinduoduo", "weibo", "facebook", "instagram", "amazon", "youtube",
                        "抖音", "快手", "小红书", "拼多多", "微博", "视频号", "b站", "哔哩哔哩",
                        "alipay", "支付宝", "xiaomi", "小米", "huawei", "华为", "oppo", "vivo",
                        "baidu", "百度", "taobao", "淘宝", "tmall", "天猫", "jd.com", "京东",
                        "meituan", "美团", "eleme", "饿了么", "ctrip", "携程", "google",
                        "linkedin", "twitter", "whatsapp", "line app"),
    "other_regions": ("europe", "european", "usa", "united states", "america", "japan",
                      "overseas", "abroad", "欧洲", "美国", "日本", "海外", "国外", "华西",
                      *PLACES_ZH, *PLACES_EN),
    "gender_pay": ("income level", "income levels", "收入水平"),
    "rent": ("rent", "rents", "rental", "lease", "utilities", "utility bills", "房租", "租金",
             "水电", "水电费", "物业费"),
    "suppliers": ("supplier", "suppliers", "vendor price", "vendor prices", "purchase price",
                  "purchase prices", "wholesale", "net rate", "net rates", "procurement",
                  "供应商", "进货价", "采购价", "底价", "进价", "采购成本", "批发价"),
    "commission": ("commission", "commissions", "take rate", "佣金", "抽成", "扣点"),
    "credit_risk": ("delinquency", "delinquent", "default rate", "bad debt", "npl", "dpd",
                    "逾期", "坏账", "不良率"),
    "bonus": ("bonus", "bonuses", "incentive pay", "奖金", "绩效奖金", "提成"),
    # how long people stay on a page or in the app: events carry no durations
    "dwell_time": ("time on page", "time spent on", "time visitors spend", "time users spend",
                   "time people spend", "dwell time", "session length", "session duration",
                   "停留时长", "停留时间", "浏览时长", "页面停留", "会话时长", "使用时长",
                   "watch time", "viewing time", "time watched", "观看时长", "播放时长",
                   "观看时间"),
    "it_costs": ("hosting", "cloud bill", "server costs", "server cost", "aws", "aliyun",
                 "服务器费用", "云服务", "带宽费"),
    # well-known scores and rates a model may lack (its own word wins when it has one)
    "nps": ("nps", "net promoter score", "net promoter", "净推荐值"),
    "app_stability": ("crash rate", "crashes", "app crashes", "crash", "崩溃率", "崩溃", "闪退"),
    # who people are, when the model keeps no such attribute (its own word wins, also inside a
    # longer name: a model with 年龄段 answers 年龄)
    "demographics": ("age", "ages", "age group", "age groups", "age band", "how old", "gender",
                     "genders", "male", "female", "men and women", "sex ratio", "年龄", "年龄段",
                     "年龄分布", "多大年纪", "几岁", "性别", "男女", "男性", "女性", "男女比例"),
    "uninstalls": ("uninstall", "uninstalls", "uninstalled", "uninstalling", "卸载"),
    "fraud": ("fraud", "fraudulent", "欺诈", "骗保", "骗赔", "刷单"),
    "outcomes": ("exam score", "exam scores", "test scores", "grades", "考试", "考试成绩",
                 "提分", "weight loss", "lost weight", "减重", "减肥", "体重"),
}  # fmt: skip

__all__ = [
    "CUES",
    "DEMONYMS",
    "OUT_OF_SCOPE",
    "PLACE_NAMES",
    "PURCHASE_WORDS",
    "WORD_SYNONYMS",
    "ZH_FOR_EN",
]


# Words a business uses for the same thing, by language: a model term with one of them is also
# found by the others ("appointments" for a touchpoint "booking", 客诉 for 投诉), where that
# spelling names nothing else in the model.
WORD_SYNONYMS: Final = (
    ("booking", "appointment", "appt", "reservation"),
    ("enquiry", "inquiry"),
    ("cancellation", "cancelation"),
    ("customer", "client"),
    ("coupon", "voucher"),
    ("login", "log in", "sign in", "signin"),
    ("check in", "turn up", "turned up", "attend", "attended"),
    ("rate", "conversion"),
    ("预约", "约"),
    ("注册", "登记"),
    ("投诉", "客诉"),
    ("退款", "退费"),
    ("优惠券", "券"),
)


# Chinese words for the English nouns that name dimensions, for a dimension the model names only
# in English (`tpa init` left it so): "crew" is called 安装队 or 施工队 in a Chinese question.
ZH_FOR_EN: Final = {
    "crew": ("施工队", "安装队", "工程队", "队伍"),
    "team": ("团队", "小组", "组"),
    "store": ("门店", "店铺"),
    "shop": ("店铺", "门店"),
    "branch": ("网点", "分店", "支行"),
    "city": ("城市",),
    "region": ("区域", "地区", "大区"),
    "state": ("州",),
    "country": ("国家",),
    "province": ("省份", "省"),
    "channel": ("渠道",),
    "source": ("来源",),
    "campaign": ("活动",),
    "category": ("类别", "品类", "分类"),
    "product": ("产品", "商品"),
    "brand": ("品牌",),
    "device": ("设备", "终端"),
    "platform": ("平台",),
    "plan": ("套餐", "方案"),
    "tier": ("等级", "档位"),
    "level": ("等级", "级别"),
    "gender": ("性别",),
    "agent": ("坐席", "客服"),
    "rep": ("销售", "顾问"),
    "consultant": ("顾问",),
    "warehouse": ("仓库",),
    "supplier": ("供应商",),
    "vendor": ("供应商",),
    "partner": ("合作方", "合作伙伴"),
    "language": ("语言",),
    "currency": ("币种",),
    "segment": ("客群", "分群"),
    "suburb": ("城区", "区"),
}
