// The sample fair's content tables: countries, fictional exhibitors, sectors, programme.
// Data only (every name is invented for the sample); layout and files are built elsewhere.
#pragma once

#include "tools/gen-sample/Products.h"

#include <string>
#include <vector>

namespace fg::sample {

enum class Sector {
    FiveG,
    Satellite,
    Iot,
    Ai,
    Cyber,
    Fintech,
    SmartCity,
    Health,
    Edtech,
    Cloud,
    Robotics,
    Drones,
    Xr,
    Networking,
};

struct Fact {
    const char* figure;
    const char* label;
};

struct SectorInfo {
    const char* name;  // the exhibitor's "sector" string
    const char* blurb; // one sentence for descriptions
    Fact facts[3];     // figures for the second poster
};
const SectorInfo& sectorInfo(Sector sector);

struct Country {
    std::string code;
    std::string name;
    std::string floor;  // pavilion floor colour
    std::string accent; // pavilion accent colour
    int hall = 0;       // index into the layout's halls (0: Nations, 1: Innovation & SME)
};
const std::vector<Country>& pavilionCountries(); // host first

struct Company {
    std::string id;
    std::string name;
    std::string country;
    Sector sector;
    std::string tagline;
    std::string colour;
    std::vector<Product> products; // empty: a 2D booth
    bool sme = false;
    // The name in the company's own script (Vietnamese, Chinese, Arabic, Russian): the
    // exhibition's name and fascia sign; the drawn logo and posters keep the Latin NAME.
    std::string localName = {};
};
// The exhibitor's name as the exhibition file gives it (localName when there is one).
const std::string& shownName(const Company& company);
// Exhibitors in booth order: per pavilion (in pavilionCountries() order), then the SME zone.
const std::vector<Company>& companies();
std::string countryName(const std::string& code);

struct SessionSpec {
    std::string id;
    std::string kind;
    std::string title;
    std::string start;
    std::string end;
    std::string venue;
    std::vector<std::string> speakers;
    std::string description;
};
std::vector<SessionSpec> programme();

struct AwardSpec {
    std::string id;
    std::string name;
    std::vector<std::string> finalistCompanies; // company ids; booths are looked up by builder
};
std::vector<AwardSpec> awards();

} // namespace fg::sample
