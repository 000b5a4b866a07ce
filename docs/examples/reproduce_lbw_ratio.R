#!/usr/bin/env Rscript
# Reproduce the published low-birth-weight rate ratio from a pinned Equity Atlas version (base R + jsonlite).
#
# Same steps as reproduce_lbw_ratio.py: download the pinned version's town CSV and GeoJSON, join them by
# place id, recompute the rate ratio of the worst decile of towns against the best decile
# (population-weighted means; docs/method.md section 5), and compare it with GET /v1/disparities.
#
#   Rscript docs/examples/reproduce_lbw_ratio.R [base] [version]
#   Rscript docs/examples/reproduce_lbw_ratio.R http://localhost:8080 ma-hei-1.1-20261123T034501Z-1a2b
library(jsonlite)

args <- commandArgs(trailingOnly = TRUE)
base <- sub("/+$", "", if (length(args) >= 1) args[[1]] else "http://localhost:8080")
version <- if (length(args) >= 2) args[[2]] else NA
indicator <- "low_birth_weight"

if (is.na(version)) {
  version <- fromJSON(paste0(base, "/v1/versions"))$current
  cat(sprintf("Using the current version %s; pin it with: Rscript reproduce_lbw_ratio.R %s %s\n", version, base, version))
}
record <- fromJSON(paste0(base, "/v1/versions/", URLencode(version, reserved = TRUE)), simplifyVector = FALSE)
spec <- Filter(function(i) i$id == indicator, record$indicators)[[1]]
cat("Cite as:", if (is.null(record$citation)) version else record$citation, "\n")

download <- paste0(base, "/v1/versions/", URLencode(version, reserved = TRUE), "/download?level=town&format=")
# GEOIDs and FIPS codes are text: read every column as character, convert the ones used.
towns <- read.csv(paste0(download, "csv"), colClasses = "character", na.strings = "", check.names = FALSE)
features <- fromJSON(paste0(download, "geojson"), simplifyVector = FALSE)$features
outlines <- data.frame(
  id = vapply(features, function(f) as.character(f$properties$id), ""),
  has_geometry = vapply(features, function(f) !is.null(f$geometry), TRUE)
)
joined <- merge(towns, outlines, by = "id", all.x = TRUE)
cat(sprintf("%d towns; %d joined to an outline\n", nrow(towns), sum(joined$has_geometry, na.rm = TRUE)))

rows <- joined[!is.na(joined[[indicator]]), ]
rows$value <- as.numeric(rows[[indicator]])
rows$population <- as.numeric(ifelse(is.na(rows$population), "0", rows$population))
# Worst first by the indicator's direction; ties in id order, as the API sorts them.
sign <- if (spec$direction == "higher_is_worse") -1 else 1
rows <- rows[order(sign * rows$value, rows$id, method = "radix"), ]
decile <- max(1, nrow(rows) %/% 10)
wmean <- function(d) if (sum(d$population) > 0) sum(d$value * d$population) / sum(d$population) else mean(d$value)
ratio <- wmean(head(rows, decile)) / wmean(tail(rows, decile))

published <- fromJSON(paste0(base, "/v1/disparities?indicator=", indicator, "&level=town&version=", URLencode(version, reserved = TRUE)))$worstVsBestDecile$rateRatio
cat(sprintf("Rate ratio, published: %.6f; reproduced: %.6f\n", published, ratio))
if (abs(ratio - published) > 1e-9 * abs(published)) {
  cat("MISMATCH\n")
  quit(status = 1)
}
cat("OK: the published figure is reproduced\n")
