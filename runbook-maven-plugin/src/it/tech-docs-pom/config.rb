require 'govuk_tech_docs'
GovukTechDocs.configure(self)
