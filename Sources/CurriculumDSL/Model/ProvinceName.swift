import Foundation

/// The names people give a provincial-level division: 江苏, 江苏省, 苏, Jiangsu — all mean the province the curricula
/// call 江苏. Used to read `--province` and similar input; the curricula keep one spelling each.
public enum ProvinceName {
    /// The province among `known` (the curricula's spellings) that `input` names, or nil when none does.
    public static func resolve(_ input: String, among known: some Sequence<String>) -> String? {
        let wanted = key(of: input)
        guard !wanted.isEmpty else { return nil }
        return known.first { key(of: $0) == wanted }
    }

    /// The short name (江苏) for any name of the province, or the input trimmed when it is not a known name.
    public static func key(of name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = trimmed.lowercased().filter { $0 != " " && $0 != "-" && $0 != "'" }
        for entry in table {
            if trimmed == entry.short || trimmed == entry.full || trimmed == entry.short + "省" || trimmed == entry.short + "市" || entry.abbreviations.contains(trimmed) || entry.latin.contains(folded) {
                return entry.short
            }
        }
        return trimmed
    }

    private struct Entry {
        var short: String
        var full: String
        var abbreviations: [String]
        var latin: [String]
    }

    /// The 34 provincial-level divisions: short name, official name, one-character abbreviations, romanisations.
    private static let table: [Entry] = [
        Entry(short: "北京", full: "北京市", abbreviations: ["京"], latin: ["beijing"]),
        Entry(short: "天津", full: "天津市", abbreviations: ["津"], latin: ["tianjin"]),
        Entry(short: "河北", full: "河北省", abbreviations: ["冀"], latin: ["hebei"]),
        Entry(short: "山西", full: "山西省", abbreviations: ["晋"], latin: ["shanxi"]),
        Entry(short: "内蒙古", full: "内蒙古自治区", abbreviations: ["蒙"], latin: ["neimenggu", "innermongolia"]),
        Entry(short: "辽宁", full: "辽宁省", abbreviations: ["辽"], latin: ["liaoning"]),
        Entry(short: "吉林", full: "吉林省", abbreviations: ["吉"], latin: ["jilin"]),
        Entry(short: "黑龙江", full: "黑龙江省", abbreviations: ["黑"], latin: ["heilongjiang"]),
        Entry(short: "上海", full: "上海市", abbreviations: ["沪"], latin: ["shanghai"]),
        Entry(short: "江苏", full: "江苏省", abbreviations: ["苏"], latin: ["jiangsu"]),
        Entry(short: "浙江", full: "浙江省", abbreviations: ["浙"], latin: ["zhejiang"]),
        Entry(short: "安徽", full: "安徽省", abbreviations: ["皖"], latin: ["anhui"]),
        Entry(short: "福建", full: "福建省", abbreviations: ["闽"], latin: ["fujian"]),
        Entry(short: "江西", full: "江西省", abbreviations: ["赣"], latin: ["jiangxi"]),
        Entry(short: "山东", full: "山东省", abbreviations: ["鲁"], latin: ["shandong"]),
        Entry(short: "河南", full: "河南省", abbreviations: ["豫"], latin: ["henan"]),
        Entry(short: "湖北", full: "湖北省", abbreviations: ["鄂"], latin: ["hubei"]),
        Entry(short: "湖南", full: "湖南省", abbreviations: ["湘"], latin: ["hunan"]),
        Entry(short: "广东", full: "广东省", abbreviations: ["粤"], latin: ["guangdong"]),
        Entry(short: "广西", full: "广西壮族自治区", abbreviations: ["桂"], latin: ["guangxi"]),
        Entry(short: "海南", full: "海南省", abbreviations: ["琼"], latin: ["hainan"]),
        Entry(short: "重庆", full: "重庆市", abbreviations: ["渝"], latin: ["chongqing"]),
        Entry(short: "四川", full: "四川省", abbreviations: ["川", "蜀"], latin: ["sichuan"]),
        Entry(short: "贵州", full: "贵州省", abbreviations: ["贵", "黔"], latin: ["guizhou"]),
        Entry(short: "云南", full: "云南省", abbreviations: ["云", "滇"], latin: ["yunnan"]),
        Entry(short: "西藏", full: "西藏自治区", abbreviations: ["藏"], latin: ["xizang", "tibet"]),
        Entry(short: "陕西", full: "陕西省", abbreviations: ["陕", "秦"], latin: ["shaanxi"]),
        Entry(short: "甘肃", full: "甘肃省", abbreviations: ["甘", "陇"], latin: ["gansu"]),
        Entry(short: "青海", full: "青海省", abbreviations: ["青"], latin: ["qinghai"]),
        Entry(short: "宁夏", full: "宁夏回族自治区", abbreviations: ["宁"], latin: ["ningxia"]),
        Entry(short: "新疆", full: "新疆维吾尔自治区", abbreviations: ["新"], latin: ["xinjiang"]),
        Entry(short: "香港", full: "香港特别行政区", abbreviations: ["港"], latin: ["hongkong", "xianggang"]),
        Entry(short: "澳门", full: "澳门特别行政区", abbreviations: ["澳"], latin: ["macau", "macao", "aomen"]),
        Entry(short: "台湾", full: "台湾省", abbreviations: ["台"], latin: ["taiwan"]),
    ]
}
