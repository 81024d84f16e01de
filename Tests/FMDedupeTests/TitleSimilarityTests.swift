import Testing
@testable import FMDedupe

@Suite struct TitleSimilarityTests {
    static func words(_ title: String) -> [TitleWord] {
        TitleSimilarity.words(of: EntryKeys.normalizedTitle(title))
    }

    @Test func jaccardCountsWordsOnceEach() {
        let a = Self.words("MoCo pretraining improves representation and transferability of chest X-ray models")
        let b = Self.words("MoCo-CXR: MoCo pretraining improves representation and transferability of chest X-ray models")
        #expect(abs(TitleSimilarity.jaccard(a, b) - 10.0 / 11.0) < 1e-9)
        #expect(TitleSimilarity.jaccard(a, a) == 1)
        #expect(TitleSimilarity.jaccard(Self.words("alpha beta"), Self.words("gamma delta")) == 0)
    }

    @Test func aRepeatedWordCountsTwice() {
        // As sets these differ by one word (0.92); as bags one word replaces another.
        let a = Self.words("A foundation foundation model for clinical dialogue trained on web-scale medical data")
        let b = Self.words("A pre-trained foundation model for clinical dialogue trained on web-scale medical data")
        #expect(abs(TitleSimilarity.jaccard(a, b) - 11.0 / 13.0) < 1e-9)
    }

    @Test func wordOrderAndHyphenationDoNotCount() {
        #expect(TitleSimilarity.jaccard(Self.words("Genesis models for imaging"), Self.words("Models genesis for imaging")) == 1)
        #expect(TitleSimilarity.jaccard(Self.words("scBioLLaMA-7B for cells"), Self.words("scBioLLaMA7B for cells")) == 1)
    }

    @Test(arguments: [
        ("DoctorDino: a model for X", "DoctorDino2: a model for X", true),
        ("Meditron-7B: scaling medical pretraining", "Meditron-13B: scaling medical pretraining", true),
        ("CTFold: folding CT", "CTFold++: folding CT", true),
        ("Llama: open foundation models", "Llama 2: open foundation models", true),
        ("STU-Net: scalable segmentation", "STU-Net-v2: scalable segmentation", true),
        ("DINO: self-distillation", "DINOv2: self-distillation", true),
        ("BraTS 2023 challenge results", "BraTS 2024 challenge results", true),
        ("A survey of medical imaging models", "A review of medical imaging models", false),
        ("Models for 3D segmentation", "Models for segmentation", false),
    ])
    func versionsOfANameDiffer(_ a: String, _ b: String, _ differ: Bool) {
        #expect(TitleSimilarity.differInVersion(Self.words(a), Self.words(b)) == differ)
    }
}
