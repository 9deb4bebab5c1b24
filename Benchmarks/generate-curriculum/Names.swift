/// Chinese-looking names for courses, majors and institutions, assembled from word lists.
/// They read like a 自考 plan (现代管理学（二）, 国际贸易实务) but are synthetic.
enum Names {
    static let coursePrefixes = [
        "", "", "", "现代", "高等", "中国", "基础", "应用", "国际", "比较", "当代", "公共", "实用", "西方", "中外",
        "计算机", "数字", "环境", "企业", "社会", "网络", "工程", "临床", "教育", "商务", "金融", "行政",
    ]
    static let courseSubjects = [
        "管理学", "经济学", "会计学", "法学", "数学", "英语", "心理学", "统计学", "物理", "化学", "文学", "传播学",
        "营销学", "财务管理", "审计学", "税法", "民法学", "刑法学", "宪法学", "行政法", "国际法", "电子商务",
        "程序设计", "数据结构", "操作系统", "数据库原理", "软件工程", "护理学", "药理学", "解剖学", "病理学",
        "教育学", "课程论", "写作", "汉语", "语言学", "新闻学", "广告学", "秘书学", "档案学", "物流管理",
        "人力资源管理", "组织行为学", "运筹学", "信息系统", "安全工程", "机械设计", "电路分析", "信号与系统",
        "建筑材料", "结构力学", "土力学", "市场调查", "公共关系学", "领导科学", "政治学", "社会学", "哲学",
    ]
    static let courseSuffixes = [
        "", "", "", "", "原理", "概论", "基础", "导论", "实务", "专题", "研究", "方法", "史", "案例分析",
        "（一）", "（二）", "（三）", "与实践", "理论与实务",
    ]

    static func course(_ random: inout SplitMix64) -> String {
        random.pick(coursePrefixes) + random.pick(courseSubjects) + random.pick(courseSuffixes)
    }

    static let majorFields = [
        "汉语言文学", "会计学", "工商管理", "法学", "人力资源管理", "行政管理", "计算机科学与技术", "护理学",
        "学前教育", "小学教育", "英语", "市场营销", "物流管理", "金融学", "财务管理", "电子商务", "土木工程",
        "机械设计制造及其自动化", "视觉传达设计", "环境设计", "心理学", "社会工作", "药学", "软件工程",
        "网络工程", "国际经济与贸易", "秘书学", "新闻学", "广告学", "公共事业管理", "审计学", "旅游管理",
        "酒店管理", "知识产权", "数字媒体艺术", "应用统计学", "健康服务与管理", "食品科学与工程",
    ]
    static let majorFlavours = ["", "", "", "", "（专门化）", "（涉外方向）", "（数字化方向）", "（实务方向）"]

    static func major(_ index: Int, _ random: inout SplitMix64) -> String {
        majorFields[index % majorFields.count] + random.pick(majorFlavours)
    }

    static let cities = [
        "江南", "淮海", "苏州", "南京", "扬州", "徐州", "常州", "南通", "盐城", "镇江", "泰州", "宿迁", "连云港",
        "无锡", "淮阴", "金陵", "东吴", "太湖", "长江", "运河", "钟山", "秦淮", "姑苏", "海州", "彭城", "京口",
        "广陵", "毗陵", "崇川", "云台", "虞山", "梁溪", "茅山", "洪泽",
    ]
    static let institutionKinds = ["大学", "师范大学", "财经大学", "理工大学", "医科大学", "工业大学", "农林大学", "科技学院"]

    /// A distinct name for every index.
    static func institution(_ index: Int) -> String {
        let city = cities[index % cities.count]
        let kind = institutionKinds[(index / cities.count) % institutionKinds.count]
        let round = index / (cities.count * institutionKinds.count)
        return round == 0 ? city + kind : city + kind + "第\(round + 1)校区"
    }

    static let fields = ["法律事务", "法学", "会计", "财务管理", "计算机应用", "护理", "教育", "汉语言文学", "工商管理", "英语"]

    static let graduationRules = [
        "持国民教育系列专科（或以上）毕业证书，考试计划规定的全部课程成绩合格，毕业论文成绩合格，思想品德经鉴定符合要求者，准予毕业。",
        "累计取得本专业考试计划规定的学分和课程合格成绩，完成实践环节考核，经审核符合毕业条件者，颁发高等教育自学考试毕业证书。",
        "所有课程考试合格、实践考核合格，并通过毕业论文（设计）答辩，思想品德鉴定合格者，由主考院校审核后发给毕业证书。",
    ]
    static let planNotes = [
        "本计划由合成数据生成器产生，仅用于性能测试。",
        "实践课程须与对应的理论课程同时报考，二者合计为一门课程。",
        "选修课程学分超过上限的部分不计入总学分。",
        "外语课程可按规定以其他课程顶替，顶替课程总学分不得低于原课程学分。",
        "毕业论文按优秀、良好、中等、合格、不合格五级评定，不计入课程门数。",
    ]
}
