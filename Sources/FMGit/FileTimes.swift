import Foundation

/// The times of `stat`, named alike on Linux (`st_mtim`) and Darwin (`st_mtimespec`).
extension stat {
    var accessTime: timespec {
        #if canImport(Darwin)
            st_atimespec
        #else
            st_atim
        #endif
    }

    var modificationTime: timespec {
        #if canImport(Darwin)
            st_mtimespec
        #else
            st_mtim
        #endif
    }

    var changeTime: timespec {
        #if canImport(Darwin)
            st_ctimespec
        #else
            st_ctim
        #endif
    }
}
