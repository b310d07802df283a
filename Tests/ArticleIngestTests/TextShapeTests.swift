@testable import ArticleIngest
import Testing

/// `Shape.collapseSpaces` works on bytes and returns its input untouched when there is nothing
/// to collapse; these pin both paths.
@Suite struct TextShapeTests {
    @Test(arguments: [
        ("plain words stay", "plain words stay"),
        ("  lead and trail  ", "lead and trail"),
        ("tabs\tand\u{0B}vertical\u{0C}feeds", "tabs and vertical feeds"),
        ("line\nbreaks\n\nand  doubles", "line breaks and doubles"),
        ("\u{FEFF}byte order mark\u{FEFF}inside", "byte order mark inside"),
        ("no\u{00A0}break space stays", "no\u{00A0}break space stays"),
        ("é ü — ‘quoted’ € 5", "é ü — ‘quoted’ € 5"),
        ("æ\u{FEFF}ø", "æ ø"),
        ("\u{EFBC}\u{FF0C} fullwidth, kept", "\u{EFBC}\u{FF0C} fullwidth, kept"),
        ("   ", ""),
        ("", ""),
    ])
    func collapse(_ input: String, _ expected: String) {
        #expect(Shape.collapseSpaces(input) == expected)
    }
}
