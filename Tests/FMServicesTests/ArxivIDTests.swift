import FMServices
import Testing

@Suite struct ArxivIDTests {
    @Test(arguments: [
        ("1707.08567", "1707.08567"),
        ("1707.08567v2", "1707.08567"),
        ("arXiv:2507.05201", "2507.05201"),
        ("https://arxiv.org/abs/2507.05201", "2507.05201"),
        ("https://arxiv.org/abs/2507.05201v3", "2507.05201"),
        ("http://arxiv.org/pdf/2507.05201v1.pdf", "2507.05201"),
        ("https://arxiv.org/pdf/2507.05201", "2507.05201"),
        ("arxiv.org/abs/2507.05201", "2507.05201"),
        ("www.arxiv.org/abs/2507.05201?context=cs", "2507.05201"),
        ("export.arxiv.org/abs/2507.05201", "2507.05201"),
        ("astro-ph/0601001", "astro-ph/0601001"),
        ("https://arxiv.org/abs/astro-ph/0601001v1", "astro-ph/0601001"),
        ("math.GT/0309136", "math.GT/0309136"),
    ])
    func readsAnIdOrALink(_ text: String, _ id: String) {
        #expect(ArxivID(text)?.value == id)
        #expect(ArxivID(text)?.page == "https://arxiv.org/abs/" + id)
    }

    @Test(arguments: ["abc", "", "2507.052", "https://example.org/abs/2507.05201", "arxiv.org/list/2507.05201", "10.1038/s41591-024-02857-3"])
    func refusesWhatIsNotOne(_ text: String) {
        #expect(ArxivID(text) == nil)
    }

    @Test(arguments: [
        ("10.1038/s41591-024-02857-3", "10.1038/s41591-024-02857-3"),
        ("doi:10.1371/journal.pone.0033693", "10.1371/journal.pone.0033693"),
        ("https://doi.org/10.1371/journal.pone.0033693", "10.1371/journal.pone.0033693"),
        ("dx.doi.org/10.1038/srep16696", "10.1038/srep16696"),
        ("https://www.biorxiv.org/content/10.1101/2023.10.03.560734v1", "10.1101/2023.10.03.560734"),
        ("https://www.medrxiv.org/content/10.1101/2023.10.03.23296500v2.full", "10.1101/2023.10.03.23296500"),
    ])
    func readsADOI(_ text: String, _ doi: String) {
        #expect(DOI(text)?.value == doi)
    }
}
