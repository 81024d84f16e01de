import Testing
import FMDedupe

/// The keys of an entry, one pure function at a time.
@Suite struct EntryKeysTests {
    @Test(arguments: [
        ("STU-Net: Scalable and Transferable Models.", "stunet scalable and transferable models"),
        ("scBioLLaMA-7B", "scbiollama7b"),
        ("scBioLLaMA7B", "scbiollama7b"),
        ("A multi-institutional study", "a multiinstitutional study"),
        ("A multiinstitutional study", "a multiinstitutional study"),
        ("  Models   Genesis. ", "models genesis"),
        ("Do LLMs understand X? An evaluation", "do llms understand x an evaluation"),
        ("CTFold++.", "ctfold++"),
        ("CTFold.", "ctfold"),
        ("Über die Bild-Analyse", "uber die bildanalyse"),
        ("Réseaux neuronaux pour l'imagerie médicale", "reseaux neuronaux pour limagerie medicale"),
        ("Straße", "strasse"),
        ("ＦＵＬＬ－ＷＩＤＴＨ Ｔｅｘｔ", "fullwidth text"),
        ("HuaTuo (华驼): tuning LLaMA", "huatuo 华驼 tuning llama"),
        ("Alzheimer’s disease", "alzheimers disease"),
        ("GPT-4: a report — part 2", "gpt4 a report part 2"),
        ("", ""),
        ("...", ""),
    ])
    func normalizedTitle(_ title: String, _ expected: String) {
        #expect(EntryKeys.normalizedTitle(title) == expected)
    }

    @Test(arguments: [
        ("https://arxiv.org/abs/2401.00153", "2401.00153"),
        ("https://arxiv.org/abs/2401.00153v2", "2401.00153"),
        ("arxiv.org/abs/2401.00153v2", nil),  // not a web address: no scheme
        ("http://arxiv.org/abs/2401.00153v2", "2401.00153"),
        ("https://arxiv.org/pdf/2304.06716.pdf", "2304.06716"),
        ("https://arxiv.org/pdf/2304.06716", "2304.06716"),
        ("https://arxiv.org/pdf/2304.06716v3.pdf", "2304.06716"),
        ("https://arxiv.org/html/2402.12345v1", "2402.12345"),
        ("https://www.arxiv.org/abs/1908.06912/", "1908.06912"),
        ("https://export.arxiv.org/abs/2106.06651", "2106.06651"),
        ("https://arxiv.org/abs/0704.0001", "0704.0001"),
        ("https://arxiv.org/abs/cs/0501001", "cs/0501001"),
        ("https://arxiv.org/abs/cs/0501001v2", "cs/0501001"),
        ("https://arxiv.org/pdf/math.GT/0309136.pdf", "math/0309136"),
        ("https://arxiv.org/abs/q-bio/0401001", "q-bio/0401001"),
        ("https://doi.org/10.48550/arXiv.2401.00153", "2401.00153"),
        ("https://huggingface.co/papers/2401.00153", "2401.00153"),
        ("https://arxiv.org/list/cs.CV/recent", nil),
        ("https://arxiv.org/abs/12345", nil),
        ("https://github.com/arxiv/abs", nil),
        ("", nil),
    ] as [(String, String?)])
    func arXivID(_ url: String, _ expected: String?) {
        #expect(EntryKeys.arXivID(in: url) == expected)
    }

    @Test(arguments: [
        ("https://doi.org/10.1038/s41586-023-06555-x", "10.1038/s41586-023-06555-x"),
        ("https://dx.doi.org/10.1016/J.MEDIA.2020.101840", "10.1016/j.media.2020.101840"),
        ("https://doi.org/10.1002%2Fmp.12345", "10.1002/mp.12345"),
        ("https://www.nature.com/articles/s41586-023-06555-x", "10.1038/s41586-023-06555-x"),
        ("https://www.nature.com/articles/s41746-022-00742-2.pdf", "10.1038/s41746-022-00742-2"),
        ("https://www.nature.com/articles/sdata201635", nil),  // its DOI is 10.1038/sdata.2016.35
        ("https://www.biorxiv.org/content/10.1101/2023.04.01.123456v2", "10.1101/2023.04.01.123456"),
        ("https://www.medrxiv.org/content/10.1101/2023.04.01.123456v1.full.pdf", "10.1101/2023.04.01.123456"),
        ("https://www.science.org/doi/10.1126/science.ade2574", "10.1126/science.ade2574"),
        ("https://aapm.onlinelibrary.wiley.com/doi/full/10.1118/1.3528204", "10.1118/1.3528204"),
        ("https://link.springer.com/article/10.1007/s00330-023-09876-5", "10.1007/s00330-023-09876-5"),
        ("https://www.frontiersin.org/articles/10.3389/fmed.2023.1234/full", "10.3389/fmed.2023.1234"),
        ("https://aclanthology.org/2023.acl-long.1/", "10.18653/v1/2023.acl-long.1"),
        ("https://aclanthology.org/2023.acl-long.1.pdf", "10.18653/v1/2023.acl-long.1"),
        ("https://www.sciencedirect.com/science/article/pii/S1361841520302048", nil),
        ("https://doi.org/10.48550/arXiv.2401.00153", nil),  // an arXiv id, not a DOI key
        ("https://proceedings.mlr.press/v143/sowrirajan21a.html", nil),
    ] as [(String, String?)])
    func doi(_ url: String, _ expected: String?) {
        #expect(EntryKeys.doi(in: url) == expected)
    }

    @Test(arguments: [
        ("https://github.com/Ziyan-Huang/STU-Net", "github.com/ziyan-huang/stu-net"),
        ("https://github.com/uni-medical/STU-Net.git", "github.com/uni-medical/stu-net"),
        ("https://github.com/MrGiovanni/ModelsGenesis/tree/master/keras", "github.com/mrgiovanni/modelsgenesis"),
        ("http://www.github.com/epfLLM/meditron/", "github.com/epfllm/meditron"),
        ("https://github.com/williamliujl/Qilin-Med-VL?tab=readme-ov-file", "github.com/williamliujl/qilin-med-vl"),
        ("https://gitlab.com/group/Project/-/blob/main/x.py", "gitlab.com/group/project"),
        ("https://github.com/mahmoodlab", nil),
        ("https://github.com/orgs/openmedlab/repositories", nil),
        ("https://mahmoodlab.github.io/UNI", nil),
        ("https://huggingface.co/ctheodoris/Geneformer", nil),
    ] as [(String, String?)])
    func repository(_ url: String, _ expected: String?) {
        #expect(EntryKeys.repository(in: url) == expected)
    }

    @Test(arguments: [
        ("https://www.example.org/paper/", "example.org/paper"),
        ("http://example.org/paper", "example.org/paper"),
        ("https://EXAMPLE.org/Paper#abstract", "example.org/Paper"),
        ("https://example.org/p?utm_source=x&id=3&ref=twitter", "example.org/p?id=3"),
        ("https://example.org:443/p?fbclid=abc", "example.org/p"),
        ("<https://example.org/p>", "example.org/p"),
        ("https://openreview.net/pdf?id=AbC123", "openreview.net/forum?id=AbC123"),
        ("https://ieeexplore.ieee.org/abstract/document/9999999/", "ieeexplore.ieee.org/document/9999999"),
        ("https://www.sciencedirect.com/science/article/abs/pii/S1361841520302048",
         "sciencedirect.com/science/article/pii/S1361841520302048"),
        ("./resources/x.md", nil),
        ("#related-survey", nil),
        ("mailto:someone@example.org", nil),
        ("", nil),
    ] as [(String, String?)])
    func normalizedURL(_ url: String, _ expected: String?) {
        #expect(EntryKeys.normalizedURL(url) == expected)
    }

    @Test func keysOfAnEntry() {
        let keys = EntryKeys(title: "Models Genesis: Generic Autodidactic Models for 3D Medical Image Analysis.",
                             urls: ["https://arxiv.org/abs/1908.06912", "https://github.com/MrGiovanni/ModelsGenesis",
                                    "https://www.nature.com/articles/s41591-023-02504-3", "https://example.org/site/",
                                    "https://github.com/", ""])
        #expect(keys.title == "models genesis generic autodidactic models for 3d medical image analysis")
        #expect(keys.titleHead == "models genesis")
        #expect(keys.titleTail == "generic autodidactic models for 3d medical image analysis")
        #expect(keys.compactTitle == "modelsgenesisgenericautodidacticmodelsfor3dmedicalimageanalysis")
        #expect(keys.arXivIDs == ["1908.06912"])
        #expect(keys.repositories == ["github.com/mrgiovanni/modelsgenesis"])
        #expect(keys.dois == ["10.1038/s41591-023-02504-3"])
        #expect(keys.urls == ["example.org/site"])  // a bare host is a placeholder, not a key
    }

    @Test func aTitleWithoutAColonHasNoParts() {
        let keys = EntryKeys(title: "Models Genesis.", urls: [])
        #expect(keys.titleHead == nil && keys.titleTail == nil)
        #expect(EntryKeys(title: "Name:", urls: []).titleTail == nil)
    }

    @Test func linksOfOnePaperHaveOneIdentity() {
        #expect(EntryKeys.identity(ofLink: "https://arxiv.org/abs/2304.06716")
                == EntryKeys.identity(ofLink: "https://arxiv.org/pdf/2304.06716.pdf"))
        #expect(EntryKeys.identity(ofLink: "https://github.com/Ziyan-Huang/STU-Net")
                != EntryKeys.identity(ofLink: "https://github.com/uni-medical/STU-Net"))
        #expect(EntryKeys.identity(ofLink: "https://www.nature.com/articles/s41586-023-06555-x")
                == EntryKeys.identity(ofLink: "https://doi.org/10.1038/S41586-023-06555-X"))
        #expect(EntryKeys.identity(ofLink: "") == nil)
    }
}
