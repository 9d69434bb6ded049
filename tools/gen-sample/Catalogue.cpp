// Countries, sectors and fictional exhibitors of the sample fair (all company names invented).
// Pure data tables; nothing here decides positions or writes files.
#include "tools/gen-sample/Catalogue.h"

namespace fg::sample {

const SectorInfo& sectorInfo(Sector sector) {
    static const SectorInfo kInfo[] = {
        {"5G",
         "Radio access, core and devices for the next generation of mobile networks.",
         {{"10x", "more devices per km²"},
          {"<10 ms", "radio latency"},
          {"40%", "less energy per bit"}}},
        {"Satellite",
         "Ground terminals and small satellites that bring broadband to remote places.",
         {{"550 km", "low-earth orbit"},
          {"99.5%", "link availability"},
          {"24/7", "network operations"}}},
        {"IoT",
         "Sensors, gateways and platforms that connect farms, factories and homes.",
         {{"10 yr", "sensor battery life"},
          {"15 km", "rural radio range"},
          {"1M", "devices per platform"}}},
        {"AI",
         "Machine learning that turns data into services people can trust.",
         {{"30+", "languages understood"},
          {"92%", "fewer manual checks"},
          {"0", "data leaves the country"}}},
        {"Cybersecurity",
         "Protection, detection and response for networks, clouds and people.",
         {{"24/7", "security operations"},
          {"4 min", "median time to contain"},
          {"ISO 27001", "certified"}}},
        {"Fintech",
         "Payments and financial services that reach everyone with a phone.",
         {{"3 s", "to send money"}, {"0.5%", "fees on transfers"}, {"12M", "wallet users"}}},
        {"Smart city",
         "Connected infrastructure that makes streets safer and greener.",
         {{"60%", "energy saved by lighting"},
          {"20%", "shorter commutes"},
          {"1 app", "for every service"}}},
        {"E-health",
         "Remote care, diagnostics and health records that follow the patient.",
         {{"2x", "more patients seen"},
          {"48 h", "faster diagnosis"},
          {"100+", "clinics connected"}}},
        {"Edtech",
         "Learning platforms and digital skills for students and workers.",
         {{"500k", "learners trained"},
          {"80%", "complete their course"},
          {"Offline", "first design"}}},
        {"Cloud",
         "Data centres, edge computing and cloud services close to users.",
         {{"99.99%", "uptime"}, {"5 ms", "to the edge"}, {"100%", "renewable power"}}},
        {"Robotics",
         "Robots that work safely alongside people in factories and public spaces.",
         {{"6-axis", "collaborative arms"}, {"0.02 mm", "repeatability"}, {"3 days", "to deploy"}}},
        {"Drones",
         "Aerial inspection, mapping and delivery with autonomous drones.",
         {{"45 min", "flight time"},
          {"2 cm", "mapping accuracy"},
          {"BVLOS", "approved operations"}}},
        {"XR",
         "Virtual and augmented reality for training, retail and events.",
         {{"90 Hz", "displays"}, {"6DoF", "inside-out tracking"}, {"50%", "faster training"}}},
        {"Networking",
         "Routers, Wi-Fi and fibre that connect homes, schools and businesses.",
         {{"Wi-Fi 6", "everywhere"}, {"10 Gbit/s", "fibre access"}, {"5 min", "self-install"}}},
    };
    return kInfo[static_cast<int>(sector)];
}

const std::vector<Country>& pavilionCountries() {
    static const std::vector<Country> kCountries = {
        {"VN", "Viet Nam", "#f4e3c3", "#da251d", 0},
        {"KR", "Republic of Korea", "#e8edf5", "#0047a0", 0},
        {"JP", "Japan", "#f3efe9", "#bc002d", 0},
        {"IN", "India", "#f6ead8", "#ff9933", 0},
        {"SG", "Singapore", "#f5e6e6", "#ef3340", 0},
        {"TH", "Thailand", "#e6e9f2", "#2d2a4a", 0},
        {"ID", "Indonesia", "#f5e4e4", "#ce1126", 0},
        {"PH", "Philippines", "#e4e9f5", "#0038a8", 0},
        {"AE", "United Arab Emirates", "#e3efe6", "#00732f", 0},
        {"RW", "Rwanda", "#e3eef6", "#00a1de", 1},
        {"NG", "Nigeria", "#e3f1e8", "#008751", 1},
        {"BR", "Brazil", "#eaf2dc", "#009c3b", 1},
        {"FR", "France", "#e6e9f4", "#0055a4", 1},
    };
    return kCountries;
}

const std::string& shownName(const Company& company) {
    return company.localName.empty() ? company.name : company.localName;
}

std::string countryName(const std::string& code) {
    for (const Country& c : pavilionCountries())
        if (c.code == code) return c.name;
    static const std::pair<const char*, const char*> kOthers[] = {{"KE", "Kenya"},
                                                                  {"EG", "Egypt"},
                                                                  {"CO", "Colombia"},
                                                                  {"NZ", "New Zealand"},
                                                                  {"KZ", "Kazakhstan"}};
    for (const auto& [code2, name] : kOthers)
        if (code == code2) return name;
    return code;
}

namespace {
using P = Product;
using S = Sector;
} // namespace

// One line per exhibitor reads (and diffs) best as a table, so the formatter leaves it alone.
// clang-format off
const std::vector<Company>& companies() {
    // Per pavilion: booths in slot order (see SampleLayout.cpp). Host pavilion: 10 slots
    // (L M S S M L on the back row, M S S M on the front); national pavilions: M, S, L.
    static const std::vector<Company> kCompanies = {
        {"lotus-bay-telecom", "Lotus Bay Telecom", "VN", S::FiveG, "5G for every province", "#d62839", {P::AntennaMast, P::PhoneStand}},
        {"red-river-robotics", "Red River Robotics", "VN", S::Robotics, "Robots that build with you", "#f08a24", {P::RobotArm}},
        {"mekong-wallet", "Mekong Wallet", "VN", S::Fintech, "Pay anyone, anywhere, in seconds", "#1a936f", {}, false, "Ví Mê Kông"},
        {"truong-son-secure", "Truong Son Secure", "VN", S::Cyber, "Guarding Viet Nam's digital borders", "#2d3047", {}, false, "An ninh mạng Trường Sơn"},
        {"sao-viet-orbital", "Sao Viet Orbital", "VN", S::Satellite, "Broadband from the sky", "#3066be", {P::SatelliteDish}, false, "Vệ tinh Sao Việt"},
        {"ha-long-cloudworks", "Ha Long Cloudworks", "VN", S::Cloud, "Your cloud, close to home", "#4361ee", {P::ServerRack, P::Router}, false, "Đám mây Hạ Long"},
        {"hoi-an-health-link", "Hoi An Health Link", "VN", S::Health, "The clinic comes to you", "#06a77d", {}, false, "Y tế số Hội An"},
        {"lantern-learning", "Lantern Learning", "VN", S::Edtech, "Light up every classroom", "#f4a259", {}},
        {"ben-thanh-urban-tech", "Ben Thanh Urban Tech", "VN", S::SmartCity, "Streets that think", "#5c4d7d", {}, false, "Đô thị thông minh Bến Thành"},
        {"phu-sa-sensors", "Phu Sa Sensors", "VN", S::Iot, "Listening to the rice fields", "#6a994e", {}, false, "Cảm biến Phù Sa"},

        {"hanbit-xr-studio", "Hanbit XR Studio", "KR", S::Xr, "Step inside the show", "#7b2cbf", {P::VrHeadset}},
        {"gangnam-ledger", "Gangnam Ledger", "KR", S::Fintech, "Banking without the bank", "#118ab2", {}},
        {"hanbit-radio-works", "Hanbit Radio Works", "KR", S::FiveG, "Faster radios, fewer towers", "#0047a0", {P::AntennaMast, P::PhoneStand}},

        {"tsuru-orbital", "Tsuru Orbital", "JP", S::Satellite, "Small satellites, big picture", "#264653", {}},
        {"hikari-edge", "Hikari Edge", "JP", S::Cloud, "Compute at the speed of light", "#e76f51", {}},
        {"kumo-robotics", "Kumo Robotics", "JP", S::Robotics, "Gentle robots for busy places", "#bc002d", {P::RobotArm, P::ServiceRobot}},

        {"nilgiri-health-tech", "Nilgiri Health Tech", "IN", S::Health, "A doctor in every village", "#2a9d8f", {P::TelehealthCart}},
        {"chai-code-academy", "Chai Code Academy", "IN", S::Edtech, "Learn to code over a cup of chai", "#e9c46a", {}},
        {"ganga-data-systems", "Ganga Data Systems", "IN", S::Cloud, "Data centres for a billion users", "#ff6d00", {P::ServerRack, P::Router}},

        {"lion-gate-cyber", "Lion Gate Cyber", "SG", S::Cyber, "Zero trust, full confidence", "#c1121f", {}, false, "狮门网络安全"},
        {"orchid-pay", "Orchid Pay", "SG", S::Fintech, "One wallet for ASEAN", "#9d4edd", {}, false, "兰花支付"},
        {"straits-smart-mobility", "Straits Smart Mobility", "SG", S::SmartCity, "Cities that move smoothly", "#ef3340", {P::CityKiosk, P::Streetlight}},

        {"siam-agrisense", "Siam AgriSense", "TH", S::Iot, "Smarter water for every farm", "#588157", {}},
        {"tuk-tuk-pay", "Tuk Tuk Pay", "TH", S::Fintech, "Small payments, big difference", "#f77f00", {}},
        {"chao-phraya-drones", "Chao Phraya Drones", "TH", S::Drones, "Eyes in the sky for safer bridges", "#2d2a4a", {P::Drone, P::Router}},

        {"batik-cloud", "Batik Cloud", "ID", S::Cloud, "Patterns of reliable computing", "#8338ec", {}},
        {"komodo-cyber", "Komodo Cyber", "ID", S::Cyber, "Bite back at cyber threats", "#386641", {}},
        {"nusantara-orbit", "Nusantara Orbit", "ID", S::Satellite, "Connecting 17,000 islands", "#ce1126", {P::SatelliteDish, P::CubeSat}},

        {"jeepney-mobility-labs", "Jeepney Mobility Labs", "PH", S::SmartCity, "Better rides for every commuter", "#fcbf49", {}},
        {"bayanihan-learning", "Bayanihan Learning", "PH", S::Edtech, "Learning together, everywhere", "#3a86ff", {}},
        {"archipelago-connect", "Archipelago Connect", "PH", S::FiveG, "Signal on every shore", "#0038a8", {P::AntennaMast, P::Router}},

        {"dune-data-security", "Dune Data Security", "AE", S::Cyber, "Security that never sleeps", "#bb8a52", {}, false, "الكثبان لأمن البيانات"},
        {"oasis-smart-grid", "Oasis Smart Grid", "AE", S::Iot, "Every watt counted", "#00a6a6", {}, false, "الواحة للشبكات الذكية"},
        {"falcon-edge-ai", "Falcon Edge AI", "AE", S::Ai, "AI that serves you first", "#00732f", {P::ServiceRobot, P::ServerRack}},

        {"kigali-code-hub", "Kigali Code Hub", "RW", S::Edtech, "Africa's next developers start here", "#00a1de", {}},
        {"imigongo-pay", "Imigongo Pay", "RW", S::Fintech, "Patterns of trust in every payment", "#6d597a", {}},
        {"thousand-hills-health", "Thousand Hills Health", "RW", S::Health, "Medicine delivered over a thousand hills", "#20603d", {P::TelehealthCart, P::Drone}},

        {"naija-ledger", "Naija Ledger", "NG", S::Fintech, "Money that moves like you do", "#008751", {}},
        {"zuma-cyber-shield", "Zuma Cyber Shield", "NG", S::Cyber, "Solid as a rock", "#495057", {}},
        {"lagos-lightwave", "Lagos Lightwave", "NG", S::Networking, "Fibre and Wi-Fi for the megacity", "#ff006e", {P::Router, P::ServerRack}},

        {"cerrado-agritech", "Cerrado AgriTech", "BR", S::Iot, "Sensors for the savanna", "#bc6c25", {}},
        {"samba-pay", "Samba Pay", "BR", S::Fintech, "Payments with rhythm", "#ffb703", {}},
        {"ipanema-robotics", "Ipanema Robotics", "BR", S::Robotics, "Automation made in Brazil", "#009c3b", {P::RobotArm, P::Drone}},

        {"rivoli-secure-cloud", "Rivoli Secure Cloud", "FR", S::Cloud, "Sovereign cloud, open standards", "#1d3557", {}},
        {"bastide-health", "Bastide Health", "FR", S::Health, "Care records that follow the patient", "#e63946", {}},
        {"lumiere-xr", "Lumière XR", "FR", S::Xr, "Learning in a new light", "#0055a4", {P::VrHeadset, P::LaptopCounter}},

        // The SME zone (award finalists): three rows of M S S M.
        {"shamba-sense", "Shamba Sense", "KE", S::Drones, "Crop scouting by drone for smallholders", "#6a994e", {P::Drone}, true},
        {"pocket-clinic", "Pocket Clinic", "IN", S::Health, "Diagnostics in your pocket", "#ef476f", {}, true},
        {"signbridge-ai", "SignBridge AI", "SG", S::Ai, "Sign language, understood", "#7209b7", {}, true},
        {"wavelet-rural-networks", "Wavelet Rural Networks", "PH", S::Networking, "Community Wi-Fi for remote barangays", "#0077b6", {P::Router, P::AntennaMast}, true},
        {"classroom-cloud-kit", "Classroom Cloud Kit", "NG", S::Edtech, "A school server in a box", "#fb8500", {P::LaptopCounter}, true},
        {"solarmesh-labs", "SolarMesh Labs", "RW", S::Iot, "Off-grid power, on-grid data", "#ffbe0b", {}, true},
        {"micropay-mesh", "MicroPay Mesh", "VN", S::Fintech, "Offline payments for rural markets", "#2ec4b6", {}, true},
        {"safenest-cyber", "SafeNest Cyber", "KZ", S::Cyber, "Online safety for families", "#5a189a", {}, true, "Безопасное гнездо"},
        {"hertech-studio", "HerTech Studio", "EG", S::Edtech, "Coding careers for women", "#d00000", {}, true, "استوديو هي تك"},
        {"vista-telehealth", "Vista Telehealth", "TH", S::Health, "Specialists on every screen", "#0a9396", {P::TelehealthCart}, true},
        {"andes-sky-mapping", "Andes Sky Mapping", "CO", S::Satellite, "Earth observation for farmers", "#3d405b", {P::CubeSat}, true},
        {"kiwi-access-labs", "Kiwi Access Labs", "NZ", S::Xr, "Accessible XR for everyone", "#2b9348", {}, true},
    };
    return kCompanies;
}
// clang-format on

} // namespace fg::sample
