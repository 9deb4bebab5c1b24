#!/usr/bin/env python3
"""Writes a large, deterministic transcript export for `curriculum batch`.

Every candidate is a fictional applicant for Jiangsu 530605 市场营销（专科, 南京财经大学, plan JS-2024-530605, 70
credits, 16 course codes); a 专科 plan needs no prior diploma, so the candidate columns are name, ID number and
gender. Each candidate has about 20 rows: the 16 courses of the plan (some under their 2021-plan code, which the
plan's `from-2021` mapping counts), failed attempts before a pass, and now and then a course not yet passed or
a 2021 course on an old-plan certificate (旧计划课程合格证, which makes the verdict "pending review"). Roughly:
65 % eligible, 10 % pending review, 25 % not eligible.

The output is the export format of docs/transcripts.md (UTF-8, LF, header
准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩,合格时间,成绩来源), written as it is generated: memory does
not depend on N. The same --seed and N give byte-identical files (Python's `random.Random`, seeded; no clock,
no system randomness).

    python3 Benchmarks/batch-benchmark/generate.py /tmp/candidates.csv                 # 1,000,000 candidates
    python3 Benchmarks/batch-benchmark/generate.py /tmp/candidates-100k.csv -n 100000

Prints the candidates, rows and bytes written.
"""

import argparse
import os
import random
import sys

# JS-2024-530605 (curricula/jiangsu/南京财经大学/530605-市场营销.yaml): code, name, and the 2021-plan course that
# the plan's `from-2021` mapping counts for it (None when the code is the same in both plans).
PLAN = [
    ("03706", "思想道德修养与法律基础", None),
    ("12656", "毛泽东思想和中国特色社会主义理论体系概论", None),
    ("13124", "英语（专）", ("00065", "国民经济统计概论")),
    ("00018", "计算机应用基础", None),
    ("00019", "计算机应用基础（实践）", None),
    ("13125", "高等数学（经管类）", ("00020", "高等数学(一)")),
    ("13886", "经济学原理（初级）", ("00009", "政治经济学(财经类)")),
    ("13126", "管理学原理（初级）", ("00144", "企业管理概论")),
    ("00041", "基础会计学", None),
    ("00058", "市场营销学", None),
    ("14469", "新媒体营销", ("00179", "谈判与推销技巧")),
    ("00043", "经济法概论（财经类）", None),
    ("13142", "广告学", ("00181", "广告学(一)")),
    ("00177", "消费心理学", None),
    ("11178", "物流管理基础", ("27007", "应用文写作")),
    ("00178", "市场调查与预测", None),
]
GRADED = {"00018", "00019"}  # graded 合格/不合格 rather than 0–100

# Jiangsu county-level division codes (the first six digits of a 身份证号).
REGIONS = ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116", "320117",
           "320205", "320206", "320211", "320213", "320214", "320281", "320282", "320302", "320303", "320305",
           "320311", "320312", "320381", "320382", "320402", "320404", "320411", "320412", "320413", "320481",
           "320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583", "320585", "320612",
           "320613", "320614", "320681", "320682", "320685", "320703", "320706", "320707", "320722", "320812",
           "320902", "320903", "320904", "320981", "321002", "321003", "321012", "321081", "321102", "321111",
           "321112", "321181", "321202", "321203", "321204", "321281", "321302", "321311", "321322", "321323"]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
# Obviously fictional given names: the ten heavenly stems and twelve earthly branches.
GIVEN = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯", "辰", "巳", "午", "未",
         "申", "酉", "戌", "亥"]
# Exam sittings (April and October), the Jiangsu pattern.
SITTINGS = [f"{year}-{month}" for year in range(2017, 2026) for month in ("04-15", "10-21")]
SITTINGS = [s for s in SITTINGS if s <= "2025-04-15"]

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(body: str) -> str:
    """GB 11643: 17 digits and the check character."""
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def candidate_rows(rng: random.Random, index: int) -> list[str]:
    admission = "0301%08d" % (index + 1)  # 12 digits, unique
    male = rng.random() < 0.5
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    year = rng.randint(1975, 2005)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    sequence = rng.randint(0, 99)
    sex = rng.choice("13579" if male else "02468")
    ident = id_number("%s%04d%02d%02d%02d%s" % (rng.choice(REGIONS), year, month, day, sequence, sex))
    prefix = f"{admission},{name},{ident},{'男' if male else '女'},"

    profile = rng.random()
    missing = 0
    if profile >= 0.75:  # not eligible: one to four courses never passed
        missing = rng.randint(1, 4)
    review = 0.65 <= profile < 0.75  # pending review: one 2021 course on an old-plan certificate
    not_passed = set(rng.sample(range(len(PLAN)), missing)) if missing else set()
    review_course = rng.choice([i for i, entry in enumerate(PLAN) if entry[2]]) if review else -1

    rows = []
    start = rng.randrange(0, len(SITTINGS) - 6)
    for i, (code, course, old) in enumerate(PLAN):
        use_old = old is not None and (i == review_course or rng.random() < 0.3)
        if use_old:
            code, course = old
        sitting = min(len(SITTINGS) - 1, start + rng.randint(0, 6))
        graded = code in GRADED
        # failed attempts before the pass (about 4 per candidate)
        for _ in range(1 if rng.random() < 0.25 else 0):
            score = "不合格" if graded else str(rng.randint(30, 59))
            rows.append(f"{prefix}{code},{course},{score},{SITTINGS[max(0, sitting - 1)]},电子")
        if i in not_passed:
            if rng.random() < 0.5:
                score = "不合格" if graded else str(rng.randint(20, 59))
                rows.append(f"{prefix}{code},{course},{score},{SITTINGS[sitting]},电子")
            continue
        score = rng.choice(["合格", "良好"]) if graded else str(rng.randint(60, 95))
        evidence = "旧计划课程合格证" if i == review_course else "电子"
        date = "2004-10-17" if i == review_course else SITTINGS[sitting]
        rows.append(f"{prefix}{code},{course},{score},{date},{evidence}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="CSV file to write")
    parser.add_argument("-n", "--candidates", type=int, default=1_000_000, help="number of candidates (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    rows_written = 0
    with open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        header = "准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩,合格时间,成绩来源\n"
        out.write(header)
        for index in range(args.candidates):
            rows = candidate_rows(rng, index)
            text = "\n".join(rows) + "\n"
            out.write(text)
            rows_written += len(rows)
    print(f"{args.candidates} candidates, {rows_written} rows ({rows_written / max(1, args.candidates):.1f} per candidate), "
          f"{os.path.getsize(args.output)} bytes -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
