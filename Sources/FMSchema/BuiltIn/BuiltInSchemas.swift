// Generated from the files of Schemas/ by Tests/fmaddTests/BuiltInSchemasSource.swift. Do not edit:
// change the schema files, then run `Scripts/regenerate`.

/// The schemas of `Schemas/`, compiled into the binary: file name and text.
enum BuiltInSchemas {
    static let all: [(name: String, text: String)] = [
        (name: "config.schema.json", text: ####"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://fmadd.dev/schemas/config.schema.json",
  "title": "fmadd configuration",
  "description": "The .fmadd.yml file at the root of a list's repository (YAML, read as JSON). Every setting is optional; without the file, fmadd reads the categories from the list's headings and the year order and label forms from its entries, and uses its built-in settings for the rest (those of the healthcare foundation models list). `fmadd init` writes one from what it reads. Keys are camelCase.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "list": {
      "title": "List file",
      "description": "Path of the list's Markdown file, relative to the repository root.",
      "type": "string",
      "minLength": 1,
      "default": "README.md",
      "examples": ["README.md", "docs/list.md"]
    },
    "categories": {
      "title": "Categories",
      "description": "The sections entries go in, by category key (the key given to --category): the heading text of the section, other texts of it that still mean the category, what it holds, and optionally a schema of the list's own for its entries. Without it, every heading whose section holds entries (list items with links) is a category, keyed by a short slug of its text; a list with the headings of the healthcare list gets that list's categories (lfm, vfm, bfm, mfm, lfm-data, …). `fmadd init` writes what it reads.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
        "x-message": "must be a category key in lower case, such as lfm or vfm-data, got {value}"
      },
      "additionalProperties": { "$ref": "#/$defs/category" },
      "examples": [
        {
          "lfm": { "heading": "LFM methods" },
          "vfm-data": { "heading": "VFM datasets", "kind": "datasets" }
        }
      ]
    },
    "labels": {
      "title": "Link labels",
      "description": "How each link label is spelled in the list, by label key: `paper: Paper` writes [[Paper]](…). Labels written with another case are reported.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
        "x-message": "must be a label key in lower case, such as paper or code, got {value}"
      },
      "additionalProperties": {
        "type": "string",
        "minLength": 1,
        "not": { "pattern": "[\\[\\]|\\n]" },
        "x-message": "must be the label's text, without brackets, \"|\" or a line break, got {value}"
      },
      "default": { "paper": "Paper", "code": "Code" },
      "examples": [{ "paper": "Paper", "code": "Code", "project": "Project" }]
    },
    "yearMarker": {
      "title": "Year marker",
      "description": "How a section groups its entries by year: bold (a line `**2024**`) or heading (`### 2024`).",
      "enum": ["bold", "heading"],
      "default": "bold"
    },
    "yearOrder": {
      "title": "Year order",
      "description": "The order of a section's year groups: newest-first (`**2024**` above `**2023**`) or oldest-first. Without it, the order most of the list's year groups follow; `year-order` reports the groups out of it and `fmadd fix` puts them in it.",
      "enum": ["newest-first", "oldest-first"]
    },
    "rules": {
      "title": "Rules",
      "description": "The severity of each rule, by rule id: off, warning or error (`fmadd rules` lists the ids). Rules not named keep their default.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
        "x-message": "must be a rule id in kebab-case, such as duplicate-entry, got {value}"
      },
      "additionalProperties": {
        "enum": ["off", "warning", "error"],
        "x-message": "must be off, warning or error, got {value}"
      },
      "examples": [{ "mixed-label-case": "warning", "trailing-whitespace": "off" }]
    },
    "dedupe": {
      "title": "Duplicate detection",
      "description": "Where fmadd looks for the same paper listed twice, and how alike two entries must be to count as one.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "scope": {
          "description": "Compare entries within one section, within one category (all its sections), or across the whole list.",
          "enum": ["section", "category", "list"],
          "default": "category"
        },
        "threshold": {
          "description": "Similarity from 0 to 1 above which two entries are reported as the same paper.",
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "default": 0.9
        }
      },
      "examples": [{ "scope": "list", "threshold": 0.9 }]
    },
    "distinct": {
      "title": "Distinct pairs",
      "description": "Pairs of entries that look alike but are different papers, by title or link; duplicate detection leaves them alone.",
      "type": "array",
      "items": {
        "type": "array",
        "items": { "type": "string", "minLength": 1 },
        "minItems": 2,
        "maxItems": 2,
        "x-message": "must be a pair of two titles or links, got {value}"
      },
      "default": [],
      "examples": [[["Segment anything in medical images", "Segment anything model for medical images?"]]]
    },
    "commitMessage": {
      "title": "Commit message",
      "description": "The message of the commit `fmadd add` makes; {title}, {section}, {category} and {year} are replaced by the entry's values.",
      "type": "string",
      "minLength": 1,
      "default": "Add \"{title}\" to {section} ({year})",
      "examples": ["Add \"{title}\" to {section} ({year})", "docs({category}): add {title} ({year})"]
    },
    "mailto": {
      "title": "Contact address for Crossref",
      "description": "The e-mail address fmadd gives Crossref with each look-up (`add --doi`, `refresh`), as its etiquette asks; git's user.email when not set.",
      "type": "string",
      "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
      "x-message": "must be an e-mail address, got {value}",
      "examples": ["maintainers@example.org"]
    },
    "sortWithinYear": {
      "title": "Order within a year",
      "description": "Where a new entry goes among its year's entries: append (after the last one) or alphabetical (by title).",
      "enum": ["append", "alphabetical"],
      "default": "append"
    },
    "table": {
      "title": "Tables",
      "description": "How `fmadd fix` writes tables, and what the columns of paper tables hold.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "padLastColumn": {
          "description": "Pad the cells of the last column to a common width too (true, as mdformat does), or leave them as short as their text (false), which keeps a diff to one row when one long cell changes.",
          "type": "boolean",
          "default": true
        },
        "columns": {
          "description": "What the columns of a paper table hold, by the text of their header (any case), where fmadd does not recognise the header itself: title (the title, with the paper's link in it or around it), paper (the paper's link), code, date (YYYYMM, YYYY-MM, YYYY-MM-DD or YYYY), venue, authors, or other (kept as a cell of its own). A table of a paper category is read as a paper table when one column holds the title; each row is then an entry.",
          "type": "object",
          "additionalProperties": {
            "enum": ["title", "paper", "code", "date", "venue", "authors", "other"],
            "x-message": "must be one of title, paper, code, date, venue, authors or other, got {value}"
          },
          "examples": [{ "Keywords": "other", "Paper": "title", "Pub.": "venue" }]
        }
      }
    }
  },
  "$defs": {
    "category": {
      "type": "object",
      "required": ["heading"],
      "additionalProperties": false,
      "properties": {
        "heading": {
          "description": "The text of the section's heading, without the # marks, e.g. LFM methods.",
          "type": "string",
          "minLength": 1
        },
        "aliases": {
          "description": "Other texts of the heading that still mean this category: an older name, or a slightly different one. A heading that differs only in case, punctuation, plural or extra words is found too, and `fmadd add` and `fmadd check` say which heading they took.",
          "type": "array",
          "items": { "type": "string", "minLength": 1 },
          "examples": [["VFM data", "Vision foundation models"]]
        },
        "kind": {
          "description": "What the section holds: papers (a list of entries under year markers) or datasets (a table).",
          "enum": ["papers", "datasets"],
          "default": "papers"
        },
        "schema": {
          "description": "Path of a JSON schema of the list's own for this section's entries, relative to the repository root.",
          "type": "string",
          "minLength": 1
        }
      }
    }
  },
  "examples": [
    {
      "list": "README.md",
      "categories": {
        "lfm": { "heading": "LFM methods" },
        "vfm": { "heading": "VFM methods" },
        "bfm": { "heading": "BFM methods" },
        "mfm": { "heading": "MFM methods" },
        "lfm-data": { "heading": "LFM datasets", "kind": "datasets" },
        "vfm-data": { "heading": "VFM datasets", "kind": "datasets", "aliases": ["VFM data"] },
        "bfm-data": { "heading": "BFM datasets", "kind": "datasets" },
        "mfm-data": { "heading": "MFM datasets", "kind": "datasets" },
        "databases": { "heading": "Large-scale comprehensive databases", "kind": "datasets" }
      },
      "labels": { "paper": "Paper", "code": "Code" },
      "yearMarker": "bold",
      "rules": { "mixed-label-case": "warning" },
      "dedupe": { "scope": "list", "threshold": 0.9 },
      "distinct": [],
      "commitMessage": "Add \"{title}\" to {section} ({year})",
      "sortWithinYear": "append",
      "table": { "padLastColumn": false }
    },
    {
      "list": "README.md",
      "categories": { "papers": { "heading": "Papers", "schema": "schemas/entry.schema.json" } }
    }
  ]
}

"""####),
        (name: "dataset.schema.json", text: ##"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://fmadd.dev/schemas/dataset.schema.json",
  "title": "Dataset row",
  "description": "One row of a dataset table: `|[Name](paper) | Modality | Scale | Task |[*](link)|`. The tables of a list name the modality column differently (Text Types, Modality, Modalities); all of them fill `modality`. Modality and task are free text with the list's spellings as `examples`, not a closed `enum`: a new modality or task is accepted, so the vocabulary can grow with the list and no existing row is refused. Empty cells are left out or given as an empty string.",
  "type": "object",
  "required": ["category", "name"],
  "additionalProperties": false,
  "properties": {
    "category": {
      "title": "Category",
      "description": "The table the row goes in, by its category key in .fmadd.yml, such as vfm-data for the VFM datasets.",
      "type": "string",
      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
      "x-message": "must be a category key in lower case, such as lfm-data or vfm-data, got {value}",
      "examples": ["lfm-data", "vfm-data", "bfm-data", "mfm-data", "databases"]
    },
    "name": {
      "title": "Dataset name",
      "description": "The dataset's name, as written in the first column (as the text of the paper link, when there is one).",
      "allOf": [
        { "$ref": "#/$defs/cell" },
        { "minLength": 1, "maxLength": 200 },
        {
          "pattern": "^(\\S(.*\\S)?)?$",
          "x-severity": "warning",
          "x-message": "should not start or end with a space, got {value}"
        },
        {
          "not": { "pattern": "[\\[\\]<]" },
          "x-message": "must be text: must not contain [, ] or < (the name is written as the text of its paper's link), got {value}"
        },
        {
          "not": { "pattern": "[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u061C\\uFEFF]" },
          "x-message": "must not contain invisible or bidirectional characters"
        }
      ],
      "examples": ["MIMIC-CXR", "TotalSegmentator", "10x Genomics"]
    },
    "paper": {
      "$ref": "entry.schema.json#/$defs/link",
      "title": "Paper",
      "description": "The paper that describes the dataset (the link on its name); leave it out when there is none."
    },
    "link": {
      "$ref": "entry.schema.json#/$defs/link",
      "title": "Link",
      "description": "Where the dataset can be downloaded or requested (the [*] link of the last column); leave it out when there is none."
    },
    "modality": {
      "title": "Modality",
      "description": "The data's modalities, separated by a comma and a space (3D CT, 3D PET). Use a spelling of the examples when one fits; a new one is accepted.",
      "$ref": "#/$defs/cell",
      "examples": [
        "Literature", "Health records", "Dialogue", "Endoscopy", "CT slices (2D)", "3D CT", "3D PET", "3D MRI",
        "2D OCT", "US", "CFP", "Dermoscopy", "Pathology", "Synthetic pathology", "X-ray", "scRNA-seq", "DNA", "RNA",
        "Protein", "Small molecules", "Medical report", "Multimodal", "Captions", "Tweets", "QA", "Pathology Images",
        "Mixed-source text", "ECG", "Protein Sequence", "Text", "Genomic", "MRI images", "Clinical data"
      ]
    },
    "scale": {
      "title": "Scale",
      "description": "How much data, in the units of the data (18B tokens, 1,204 volumes, 377K images, 227K texts); - when unknown.",
      "$ref": "#/$defs/cell",
      "examples": ["18B tokens", "1,204 volumes", "377K images, 227K texts", "922 patients", "-"]
    },
    "task": {
      "title": "Task",
      "description": "What the dataset is used for, separated by a comma and a space (Segmentation, Detection). Use a spelling of the examples when one fits; a new one is accepted.",
      "$ref": "#/$defs/cell",
      "examples": [
        "Language modeling", "Dialogue", "Question answering", "Information retrieval", "Named entity recognition",
        "Relation extraction", "Semantic textual similarity", "Natural language inference", "Detection",
        "Segmentation", "Registration", "Classification", "Clinical study", "Function assessment",
        "Single cell omics study", "Genomics study", "Proteomics study", "Transcriptomics study", "Disease research",
        "Drug response", "Bioinformatics study", "Vision-Language learning", "Image captioning", "VQA",
        "Protein-Language learning", "Multimodal learning"
      ]
    },
    "description": {
      "title": "Description",
      "description": "A sentence about the database, for tables with a description column instead of modality, scale and task.",
      "$ref": "#/$defs/cell",
      "examples": ["Chinese Glioma Genome Atlas (CGGA) database contains clinical and sequencing data of over 2,000 brain tumor samples from Chinese cohorts."]
    },
    "listed": {
      "$ref": "#/$defs/listed",
      "description": "Where `fmadd export` found the row in its list; `fmadd add` ignores it."
    }
  },
  "$defs": {
    "listed": {
      "title": "Listed",
      "description": "Where `fmadd export` found a row in its list: the file, the heading of its category's section, its line, its index among the section's rows from 0, and its line as written. `fmadd add --from` ignores it, so an exported row can be added as it is.",
      "type": "object",
      "properties": {
        "file": { "type": "string" },
        "section": { "type": "string" },
        "line": { "type": "integer", "minimum": 1 },
        "index": { "type": "integer", "minimum": 0 },
        "text": { "type": "string" }
      },
      "examples": [
        {
          "file": "README.md",
          "section": "VFM datasets",
          "line": 42,
          "index": 0,
          "text": "| [MIMIC-CXR](https://www.nature.com/articles/s41597-019-0322-0) | X-ray | 377K images | Vision-Language Learning | [*](https://physionet.org/content/mimic-cxr/2.0.0/) |"
        }
      ]
    },
    "cell": {
      "description": "The text of one table cell: one line, without \"|\".",
      "type": "string",
      "maxLength": 1000,
      "allOf": [
        {
          "not": { "pattern": "\\|" },
          "x-message": "must not contain \"|\" (it would split the table cell), got {value}"
        },
        {
          "not": { "pattern": "[\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F\\u2028\\u2029]" },
          "x-message": "must be on one line, without control characters"
        }
      ]
    }
  },
  "examples": [
    {
      "category": "vfm-data",
      "name": "LIMUC",
      "paper": "https://academic.oup.com/ibdjournal/article/29/9/1431/6830946",
      "modality": "Endoscopy",
      "scale": "1043 videos (11276 frames)",
      "task": "Detection",
      "link": "https://zenodo.org/records/5827695#.Yi8GJ3pByUk"
    },
    {
      "category": "lfm-data",
      "name": "PubMed",
      "paper": "https://pubmed.ncbi.nlm.nih.gov/download/",
      "modality": "Literature",
      "scale": "18B tokens",
      "task": "Language modeling",
      "link": "https://pubmed.ncbi.nlm.nih.gov/download/"
    },
    {
      "category": "bfm-data",
      "name": "10x Genomics",
      "modality": "scRNA-seq, DNA",
      "scale": "",
      "task": "Single cell omics and genomics study",
      "link": "https://support.10xgenomics.com/single-cell-gene-expression/datasets"
    },
    {
      "category": "vfm-data",
      "name": "MSD",
      "paper": "https://www.nature.com/articles/s41467-022-30695-9",
      "modality": "3D CT, 3D MRI",
      "scale": "1,411 CT, 1,222 MRI",
      "task": "Segmentation",
      "link": "http://medicaldecathlon.com/"
    },
    {
      "category": "databases",
      "name": "UK Biobank",
      "paper": "https://www.nature.com/articles/s41586-018-0579-z",
      "description": "UK Biobank is a large-scale biomedical database and research resource containing de-identified genetic, lifestyle and health information and biological samples from half a million UK participants.",
      "link": "https://www.ukbiobank.ac.uk/"
    }
  ]
}

"""##),
        (name: "entry.schema.json", text: ##"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://fmadd.dev/schemas/entry.schema.json",
  "title": "Paper entry",
  "description": "One paper of the list, written as one line under its category's section and its year: `- [Venue] Title. [[Paper]](https://…) [[Code]](https://…)`. The keywords `x-message` and `x-severity` are fmadd's wording and warning levels; other validators ignore them.",
  "type": "object",
  "required": ["category", "year", "title", "links"],
  "additionalProperties": false,
  "properties": {
    "category": {
      "title": "Category",
      "description": "The section the paper goes in, by its category key in .fmadd.yml: lfm (language), vfm (vision), bfm (bioinformatics) or mfm (multimodal foundation models).",
      "type": "string",
      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
      "x-message": "must be a category key in lower case, such as lfm, vfm, bfm or mfm, got {value}",
      "examples": ["lfm", "vfm", "bfm", "mfm"]
    },
    "year": {
      "title": "Year",
      "description": "The year the paper first appeared (its preprint, if it had one); the entry goes under this year's marker.",
      "type": "integer",
      "minimum": 1900,
      "maximum": 2099,
      "x-message": "must be a year between 1900 and 2099, got {value}",
      "examples": [2024, 2023]
    },
    "date": {
      "title": "Date",
      "description": "The month (or day) the paper appeared, for a paper table with a date column (`202406`, `2024-06`): the row's date is written in the table's own form, and its year is the entry's year.",
      "type": "string",
      "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
      "x-message": "must be a date written YYYY-MM or YYYY-MM-DD, such as 2024-06, got {value}",
      "examples": ["2024-06", "2024-06-30"]
    },
    "venue": {
      "title": "Venue",
      "description": "Where the paper was published, as written in the brackets before the title: a journal or conference (Nature Medicine, MICCAI, ICLR 2024), or arXiv for a preprint.",
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "default": "arXiv",
      "allOf": [
        {
          "not": { "pattern": "[\\[\\]]" },
          "x-message": "must not contain \"[\" or \"]\" (the venue is written inside brackets), got {value}"
        },
        {
          "not": { "pattern": "[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]" },
          "x-message": "must be on one line, without control characters"
        }
      ],
      "examples": ["arXiv", "Nature Medicine", "MICCAI", "ICLR 2024", "Nature Communications"]
    },
    "title": {
      "title": "Title",
      "description": "The paper's title as published, on one line.",
      "type": "string",
      "minLength": 3,
      "maxLength": 400,
      "allOf": [
        {
          "not": { "pattern": "[\\n\\r\\u0085\\u2028\\u2029]" },
          "x-message": "must be on one line (no line break)"
        },
        {
          "not": { "pattern": "\\]\\(" },
          "x-message": "must not contain \"](\" (Markdown link syntax)"
        },
        {
          "not": { "pattern": "\\|" },
          "x-message": "must not contain \"|\" (it would break a table)"
        },
        {
          "not": { "pattern": "[\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F]" },
          "x-message": "must not contain control characters"
        },
        {
          "not": { "pattern": "[\\u202A-\\u202E\\u2066-\\u2069]" },
          "x-message": "must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)"
        },
        {
          "not": { "pattern": "[\\u200B-\\u200F\\u2060-\\u2064\\u061C\\uFEFF\\u00AD\\u180E]" },
          "x-message": "must not contain invisible characters (zero-width spaces and joiners, bidirectional marks, byte order marks, soft hyphens)"
        },
        {
          "not": { "pattern": "<[A-Za-z!?/]" },
          "x-message": "must be text, not HTML: must not contain \"<\" followed by a letter, !, ? or / (put a space after <)"
        },
        {
          "not": { "pattern": "^(#{1,6}(\\s|$)|>|[-+*](\\s|$)|[0-9]{1,9}[.)](\\s|$)|```|~~~)" },
          "x-message": "must not start with Markdown block syntax (#, >, -, +, *, a number and . or ), or a code fence), which would make the entry a heading, a quote or a list"
        },
        {
          "pattern": "^(\\S|$)",
          "x-message": "must not start with a space"
        },
        {
          "pattern": "(^|\\S)$",
          "x-message": "must not end with a space"
        }
      ],
      "examples": [
        "Towards a general-purpose foundation model for computational pathology",
        "Huatuo: Tuning llama model with chinese medical knowledge"
      ]
    },
    "authors": {
      "title": "Authors",
      "description": "The authors as the list writes them: under each entry (`- A. Author and B. Author. *ICML 2019*`) or in a paper table's authors column (`A. Author et al.`); a list that does not write them leaves them out.",
      "type": "string",
      "minLength": 1,
      "maxLength": 2000,
      "allOf": [
        {
          "not": { "pattern": "[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]" },
          "x-message": "must be on one line, without control characters"
        },
        {
          "not": { "pattern": "[\\[\\]<>`|]" },
          "x-message": "must be text, without Markdown or HTML characters ([, ], <, >, `, |); a star marks an equal contribution"
        }
      ],
      "examples": ["Sanjeev Arora, Hrishikesh Khandeparkar, and Nikunj Saunshi."]
    },
    "links": {
      "title": "Links",
      "description": "The entry's links by label, written [[Label]](url) after the title: paper (required but for a resource), code, project, dataset, or another label in lower case.",
      "type": "object",
      "properties": {
        "paper": {
          "$ref": "#/$defs/link",
          "description": "The paper itself: the publisher's page, or arXiv/bioRxiv/medRxiv for a preprint (https://arxiv.org/abs/…)."
        },
        "code": {
          "$ref": "#/$defs/link",
          "description": "The code repository, e.g. https://github.com/owner/repository."
        },
        "project": {
          "$ref": "#/$defs/link",
          "description": "A project page or demo."
        },
        "dataset": {
          "$ref": "#/$defs/link",
          "description": "Where the paper's dataset can be downloaded."
        }
      },
      "additionalProperties": { "$ref": "#/$defs/link" },
      "propertyNames": {
        "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
        "x-message": "must be a link label in lower case, such as paper, code, project or dataset, got {value}"
      },
      "examples": [
        {
          "paper": "https://www.nature.com/articles/s41591-024-02857-3",
          "code": "https://github.com/mahmoodlab/UNI"
        }
      ]
    },
    "note": {
      "title": "Note",
      "description": "What the list says of the entry after its links, without the colon before it (`[[repo]](https://github.com/…): various benchmark tasks`); most lists write none.",
      "type": "string",
      "minLength": 1,
      "maxLength": 2000,
      "allOf": [
        {
          "not": { "pattern": "[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]" },
          "x-message": "must be on one line, without control characters"
        },
        {
          "not": { "pattern": "[\\[\\]<>`|*_]" },
          "x-message": "must be text, without Markdown or HTML characters ([, ], <, >, `, |, *, _)"
        }
      ],
      "examples": ["various benchmark (and legacy) tasks for evaluating the quality of visual representations"]
    },
    "resource": {
      "title": "Resource",
      "description": "The entry links no paper: it lists code, a model, a dataset or a blog post for itself (`[Github] Visual Med-Alpaca. [[Code]](https://github.com/…)`). It needs no paper link, and one link at least; `fmadd export` marks such entries.",
      "type": "boolean",
      "examples": [true]
    },
    "cells": {
      "title": "Other cells",
      "description": "The cells of a paper table's row that no other field holds, by the key of their column's header (`Key Feature` is `keyfeature`): `add` writes each in its column, `fmadd export` gives them back.",
      "type": "object",
      "additionalProperties": {
        "type": "string",
        "not": { "pattern": "[|\\n\\r]" },
        "x-message": "must be on one line, without \"|\" (it would break a table)"
      },
      "examples": [{ "model": "ViT-Base", "keyfeature": "MIM+DINOv2" }]
    },
    "listed": {
      "$ref": "#/$defs/listed",
      "description": "Where `fmadd export` found the paper in its list; `fmadd add` reads its index and line to put the paper back there."
    }
  },
  "if": {
    "properties": { "resource": { "const": true } },
    "required": ["resource"]
  },
  "then": {
    "properties": {
      "links": {
        "allOf": [
          { "minProperties": 1, "x-message": "a resource needs one link at least (its code, model, dataset or page)" },
          {
            "not": { "required": ["paper"] },
            "x-message": "a resource links no paper: leave resource out (--resource), or the paper link"
          }
        ]
      }
    }
  },
  "else": {
    "properties": {
      "links": { "required": ["paper"] }
    }
  },
  "$defs": {
    "listed": {
      "title": "Listed",
      "description": "Where `fmadd export` found an entry in its list: the file, the heading of its category's section, its first line (and its last, for an entry of several lines), its index among the section's entries from 0, and its first line as written. `fmadd add --from` reads the index and the line to put an entry back where it stood and ignores the rest, so an exported entry can be added as it is.",
      "type": "object",
      "properties": {
        "file": { "type": "string" },
        "section": { "type": "string" },
        "line": { "type": "integer", "minimum": 1 },
        "lastLine": { "type": "integer", "minimum": 1 },
        "index": { "type": "integer", "minimum": 0 },
        "text": { "type": "string" }
      },
      "examples": [
        {
          "file": "README.md",
          "section": "VFM methods",
          "line": 24,
          "index": 0,
          "text": "- [Nature Medicine] Towards a general-purpose foundation model for computational pathology. [[Paper]](https://www.nature.com/articles/s41591-024-02857-3) [[Code]](https://github.com/mahmoodlab/UNI)"
        }
      ]
    },
    "link": {
      "title": "Link",
      "description": "An https URL, such as https://arxiv.org/abs/2304.06975. Plain http is accepted with a warning.",
      "type": "string",
      "allOf": [
        {
          "pattern": "^https?://[^/?#\\s]",
          "x-message": "must be an https URL, got {value}"
        },
        {
          "pattern": "^\\S*$",
          "x-message": "must not contain spaces (write a space as %20), got {value}"
        },
        {
          "if": { "pattern": "^https?://" },
          "then": {
            "not": { "pattern": "[\\[\\]<>|\"`\\\\{}^\\u0000-\\u001F\\u007F]" },
            "x-message": "must not contain [ ] < > | { } ^ \" ` \\ or control characters, which could end the link or the table cell in Markdown: percent-encode them (%5B for [, %5D for ], %7C for |), as `fmadd add` does, got {value}"
          }
        },
        {
          "if": { "pattern": "^https?://" },
          "then": {
            "pattern": "^[^()]*(\\([^()]*\\)[^()]*)*$",
            "x-message": "must not contain a parenthesis without its pair, or one pair inside another, which could end the link in Markdown: percent-encode them (%28 for (, %29 for )), as `fmadd add` does, got {value}"
          }
        },
        {
          "not": { "pattern": "^http://" },
          "x-severity": "warning",
          "x-message": "should be an https URL (plain http is accepted), got {value}"
        }
      ],
      "examples": ["https://arxiv.org/abs/2304.06975", "https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese"]
    }
  },
  "examples": [
    {
      "category": "vfm",
      "year": 2024,
      "venue": "Nature Medicine",
      "title": "Towards a general-purpose foundation model for computational pathology",
      "links": {
        "paper": "https://www.nature.com/articles/s41591-024-02857-3",
        "code": "https://github.com/mahmoodlab/UNI"
      }
    },
    {
      "category": "lfm",
      "year": 2023,
      "venue": "arXiv",
      "title": "Huatuo: Tuning llama model with chinese medical knowledge",
      "links": {
        "paper": "https://arxiv.org/abs/2304.06975",
        "code": "https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese"
      }
    },
    {
      "category": "bfm",
      "year": 2024,
      "venue": "ICLR 2024",
      "title": "CellPLM: Pre-training of Cell Language Model Beyond Single Cells",
      "links": {
        "paper": "https://www.biorxiv.org/content/10.1101/2023.10.03.560734v1",
        "code": "https://github.com/OmicsML/CellPLM"
      }
    }
  ]
}

"""##),
    ]
}
